// The quadrant chart's geometry: overlap tests for boxes and marker circles, and pushing markers
// apart (merging those that cannot be separated into one marker with a count). Pure.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The least distance kept between two markers' circles. */
const GAP = 2;

/** A marker's circle. */
export interface Circle {
  x: number;
  y: number;
  radius: number;
}

export const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
export const inside = (inner: Rect, outer: Rect) =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
export const circleBox = (marker: Circle, pad = 0): Rect => ({
  x: marker.x - marker.radius - pad,
  y: marker.y - marker.radius - pad,
  width: 2 * (marker.radius + pad),
  height: 2 * (marker.radius + pad),
});

/** True when two markers' circles (with the minimum gap) overlap. */
export function markersOverlap(a: Circle, b: Circle, gap = GAP): boolean {
  return Math.hypot(a.x - b.x, a.y - b.y) < a.radius + b.radius + gap - 1e-6;
}

/** True when two label boxes overlap. */
export const boxesOverlap = overlaps;

export interface Body {
  ranks: number[];
  anchorX: number;
  anchorY: number;
  x: number;
  y: number;
  radius: number;
  isBeyondX: boolean;
  isBeyondY: boolean;
}

/**
 * Pushes overlapping markers apart until none overlaps (or the iterations run out), keeping them
 * inside the plot. Deterministic: markers at one identical spot leave it in fixed directions.
 */
function relax(bodies: Body[], plot: Rect, iterations = 400): void {
  const clamp = (body: Body) => {
    body.x = Math.min(plot.x + plot.width - body.radius, Math.max(plot.x + body.radius, body.x));
    body.y = Math.min(plot.y + plot.height - body.radius, Math.max(plot.y + body.radius, body.y));
  };
  bodies.forEach(clamp);
  for (let iteration = 0; iteration < iterations; iteration++) {
    let isMoved = false;
    for (let i = 0; i < bodies.length; i++) {
      for (let j = i + 1; j < bodies.length; j++) {
        const a = bodies[i];
        const b = bodies[j];
        let dx = b.x - a.x;
        let dy = b.y - a.y;
        let distance = Math.hypot(dx, dy);
        const wanted = a.radius + b.radius + GAP;
        if (distance >= wanted) continue;
        if (distance < 1e-6) {
          // A fixed direction per pair (golden angle), so identical spots open into a ring.
          const angle = (i * 0.37 + j * 2.39996) % (2 * Math.PI);
          dx = Math.cos(angle);
          dy = Math.sin(angle);
          distance = 1;
        }
        const push = (wanted - distance) / 2 + 0.01;
        a.x -= (push * dx) / distance;
        a.y -= (push * dy) / distance;
        b.x += (push * dx) / distance;
        b.y += (push * dy) / distance;
        clamp(a);
        clamp(b);
        isMoved = true;
      }
    }
    if (!isMoved) return;
  }
}

const groupRadius = (count: number, compact: boolean) => (compact ? 12 : 14) + Math.min(4, Math.floor(Math.log2(count)));

export function mergeBodies(members: Body[], compact: boolean): Body {
  const ranks = members.flatMap((member) => member.ranks).sort((a, b) => a - b);
  const anchorX = members.reduce((sum, member) => sum + member.anchorX, 0) / members.length;
  const anchorY = members.reduce((sum, member) => sum + member.anchorY, 0) / members.length;
  return {
    ranks,
    anchorX,
    anchorY,
    x: anchorX,
    y: anchorY,
    radius: groupRadius(ranks.length, compact),
    isBeyondX: members.some((member) => member.isBeyondX),
    isBeyondY: members.some((member) => member.isBeyondY),
  };
}

/** Markers that cannot be pushed apart are merged, then everything is relaxed again, until nothing overlaps. */
export function separate(bodies: Body[], plot: Rect, compact: boolean): Body[] {
  let current = bodies;
  for (let round = 0; round < bodies.length; round++) {
    relax(current, plot);
    const parent = current.map((_, index) => index);
    const find = (index: number): number => (parent[index] === index ? index : (parent[index] = find(parent[index])));
    let hasOverlap = false;
    for (let i = 0; i < current.length; i++) {
      for (let j = i + 1; j < current.length; j++) {
        if (markersOverlap(current[i], current[j])) {
          hasOverlap = true;
          parent[find(j)] = find(i);
        }
      }
    }
    if (!hasOverlap) return current;
    const groups = new Map<number, Body[]>();
    current.forEach((body, index) => groups.set(find(index), [...(groups.get(find(index)) ?? []), body]));
    current = [...groups.values()].map((members) => (members.length === 1 ? members[0] : mergeBodies(members, compact)));
  }
  relax(current, plot);
  return current;
}
