import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bandFor, parseDoraBands } from '@/server/metrics/dora-bands';

const file = path.join(process.cwd(), 'server/metrics/dora-bands-2024.yaml');
const bands = parseDoraBands(fs.readFileSync(file, 'utf8'), 'dora-bands-2024.yaml');

describe('the 2024 bands file', () => {
  it('parses and places values in bands', () => {
    expect(bands.version).toBe(2024);
    expect(bandFor(bands, 'deployment_frequency', 3)).toBe('elite');
    expect(bandFor(bands, 'deployment_frequency', 0.5)).toBe('high');
    expect(bandFor(bands, 'deployment_frequency', 1 / 14)).toBe('medium');
    expect(bandFor(bands, 'deployment_frequency', 0.01)).toBe('low');
    expect(bandFor(bands, 'lead_time_hours', 2)).toBe('elite');
    expect(bandFor(bands, 'lead_time_hours', 100)).toBe('high');
    expect(bandFor(bands, 'lead_time_hours', 5000)).toBe('low');
    expect(bandFor(bands, 'change_failure_rate', 0.05)).toBe('elite');
    expect(bandFor(bands, 'change_failure_rate', 0.15)).toBe('high');
    expect(bandFor(bands, 'change_failure_rate', 0.45)).toBe('low');
    expect(bandFor(bands, 'recovery_hours', 0.5)).toBe('elite');
    expect(bandFor(bands, 'recovery_hours', 72)).toBe('medium');
    expect(bandFor(bands, 'recovery_hours', null)).toBeNull();
  });
});

describe('parseDoraBands', () => {
  const valid = fs.readFileSync(file, 'utf8');

  it('names the line of YAML that does not parse', () => {
    const lines = valid.split('\n');
    const index = lines.findIndex((line) => line.includes('label: Lead time for changes'));
    lines[index] = '   label: Lead time for changes'; // one space short
    expect(() => parseDoraBands(lines.join('\n'), 'custom.yaml')).toThrow(new RegExp(`^DORA bands file custom\\.yaml, line ${index + 1}: `));
  });

  it('names the line and field of a wrong value', () => {
    const lines = valid.split('\n');
    const index = lines.findIndex((line) => line.includes('band: high, at_most: 168'));
    lines[index] = lines[index].replace('at_most: 168', 'at_most: soon');
    expect(() => parseDoraBands(lines.join('\n'), 'custom.yaml')).toThrow(
      `DORA bands file custom.yaml, line ${index + 1}: metrics.lead_time_hours.bands.1.at_most: at_most must be a number`,
    );
  });

  it('refuses an unknown band name and a missing metric', () => {
    expect(() => parseDoraBands(valid.replace('band: elite, at_least: 1 }', 'band: superb, at_least: 1 }'), 'x.yaml')).toThrow(/band must be one of/);
    const withoutRecovery = valid.slice(0, valid.indexOf('  recovery_hours:'));
    expect(() => parseDoraBands(withoutRecovery, 'x.yaml')).toThrow(/metrics\.recovery_hours/);
  });
});
