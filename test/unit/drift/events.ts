import type { EngineEvent, StepEventStateMetadata } from "@pulumi/pulumi/automation";

// Builders for the engine events a refresh preview emits (shapes recorded from Pulumi CLI v3.259.0
// and kept in test/fixtures/drift-events-*.json): a refresh step per resource in the stack, then
// the program's step.

export const TYPE = "pulumi-nodejs:dynamic/bucketEncryption:BucketEncryption";
export const urnOf = (name: string, type = TYPE) => `urn:pulumi:dev::infra::${type}::${name}`;

export type Props = Record<string, unknown>;

export const props = (bucket: string, overrides: Props = {}): Props => ({
  __provider: "exports.handler = __f0;",
  cloud: "aliyun",
  region: "cn-hangzhou",
  bucket,
  sseAlgorithm: "KMS",
  kmsMasterKeyId: "k1",
  endpoint: "http://127.0.0.1:9000",
  signatureVersion: "v4",
  ...overrides,
});

const state = (name: string, inputs: Props, outputs: Props, type = TYPE): StepEventStateMetadata => ({
  type,
  urn: urnOf(name, type),
  custom: true,
  id: `${String(outputs["cloud"])}:${String(outputs["region"])}:${String(outputs["bucket"])}`,
  parent: "",
  inputs,
  outputs,
  provider: "",
});

let sequence = 0;
const event = (body: Omit<EngineEvent, "sequence" | "timestamp">): EngineEvent => ({ sequence: sequence++, timestamp: 0, ...body });

/** The refresh of a resource in the stack: `live` undefined means the read found nothing. */
export function refresh(name: string, stored: Props, live: Props | undefined, type = TYPE): EngineEvent[] {
  const before = state(name, stored, stored, type);
  const metadata = { op: "refresh" as never, urn: urnOf(name, type), type, old: before, provider: "" };
  return [
    event({ resourcePreEvent: { metadata: { ...metadata, new: before }, planning: true } }),
    // The event log writes an absent state as null.
    event({ resOutputsEvent: { metadata: { ...metadata, new: live !== undefined ? state(name, live, live, type) : (null as never) }, planning: true } }),
  ];
}

/** The program's step: `old` is the refreshed state, `declared` the checked inputs. */
export function step(op: string, name: string, old: Props | undefined, declared: Props | undefined, type = TYPE): EngineEvent[] {
  const metadata = {
    op: op as never,
    urn: urnOf(name, type),
    type,
    ...(old !== undefined ? { old: state(name, old, old, type) } : {}),
    ...(declared !== undefined ? { new: state(name, declared, declared, type) } : {}),
    provider: "",
  };
  return [event({ resourcePreEvent: { metadata, planning: true } }), event({ resOutputsEvent: { metadata, planning: true } })];
}

export function diagnostic(message: string, urn?: string): EngineEvent {
  return event({ diagnosticEvent: { message, color: "never", severity: "error", ...(urn !== undefined ? { urn } : {}) } });
}
