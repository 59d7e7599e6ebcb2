// The policy as YAML in the shape of policies/*.yaml, written by the `yaml` package (the one @inferos/kv
// reads policies with).
import { stringify } from 'yaml';
import type { PolicyReply } from '@inferos/sdk';

/**
 * A document as block YAML. YAML 1.1 quoting: strings a YAML 1.1 reader would take for something else
 * (on, off, yes, no, y, n) are quoted too, so any reader gets the same values back; long strings stay on
 * one line.
 */
export function toYaml(doc: Record<string, unknown>): string {
  return stringify(doc, { version: '1.1', lineWidth: 0 });
}

/** `# version N, baseline mode on|off, reason ...` then the policy in the seed shape. */
export function renderPolicyYaml(p: PolicyReply): string {
  const reason = (p.reason || 'none').replace(/\s*\n\s*/g, ' ');
  return `# version ${p.version}, baseline mode ${p.baseline_mode ? 'on' : 'off'}, reason ${reason}\n${toYaml(p.policy)}`;
}
