// Words that suggest an incident's root cause lies in infrastructure (clusters, networks, cloud
// resources, certificates, capacity). Only a suggestion: a person confirms or rejects it. Pure.

const KEYWORDS: [string, RegExp][] = [
  ['kubernetes', /\b(kubernetes|k8s|kubectl|eks|aks|gke)\b/i],
  ['node', /\bnodes?\b/i],
  ['cluster', /\bclusters?\b/i],
  ['network', /\b(network(ing)?|subnets?|vpc|cni|ip address(es)?)\b/i],
  ['dns', /\b(dns|coredns)\b/i],
  ['load balancer', /\b(load ?balancers?|alb|elb|nlb)\b/i],
  ['ingress', /\b(ingress|traefik|nginx|reverse proxy)\b/i],
  ['cloud', /\b(aws|azure|gcp|ec2|ami|autoscaling|auto-scaling|asg)\b/i],
  ['infrastructure as code', /\b(terraform|iac|infrastructure as code|cloudformation|pulumi)\b/i],
  ['certificate', /\b(certificates?|tls|ssl)\b/i],
  ['capacity', /\b(capacity|starvation|out of memory|oom|disk space|cpu|memory)\b/i],
  ['database', /\b(database|postgres(ql)?|mysql|rds)\b/i],
  ['storage', /\b(storage|volumes?|ebs|s3)\b/i],
  ['container runtime', /\b(container runtime|containerd|docker)\b/i],
];

/** The infrastructure words found in the text, in a fixed order, each once. */
export function findInfrastructureKeywords(text: string): string[] {
  return KEYWORDS.filter(([, pattern]) => pattern.test(text)).map(([name]) => name);
}
