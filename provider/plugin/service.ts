import * as grpc from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { type PluginAttach, PluginInfo } from "@pulumi/pulumi/proto/plugin_pb";
import * as proto from "@pulumi/pulumi/proto/provider_pb";
import { packageVersion } from "../http/userAgent";
import type { PropertyChange } from "../lifecycle/diffStates";
import type { PropertyProblem } from "../model/types";
import type { PluginProvider } from "./PluginProvider";
import { buildSchema } from "./schema/buildSchema";
import { type DecodedProperties, decodeProperties, encodeProperties } from "./wireValues";

/** A unary gRPC handler as grpc-js calls it. */
type Unary<Req, Res> = (call: grpc.ServerUnaryCall<Req, Res>, callback: grpc.sendUnaryData<Res>) => void;

// Each RPC as a promise; a rejection becomes a gRPC error carrying its message, which the engine
// shows as the resource's error.
function unary<Req, Res>(handle: (request: Req) => Res | Promise<Res>): Unary<Req, Res> {
  return (call, callback) => {
    Promise.resolve()
      .then(() => handle(call.request))
      .then(
        (response) => callback(null, response),
        (error: unknown) => callback({ code: grpc.status.UNKNOWN, details: error instanceof Error ? error.message : String(error) }),
      );
  };
}

const PROPERTY_DIFF_KINDS: Readonly<Record<PropertyChange["kind"], readonly [proto.PropertyDiff.Kind, proto.PropertyDiff.Kind]>> = {
  add: [proto.PropertyDiff.Kind.ADD, proto.PropertyDiff.Kind.ADD_REPLACE],
  delete: [proto.PropertyDiff.Kind.DELETE, proto.PropertyDiff.Kind.DELETE_REPLACE],
  update: [proto.PropertyDiff.Kind.UPDATE, proto.PropertyDiff.Kind.UPDATE_REPLACE],
};

function failuresOf(problems: readonly PropertyProblem[]): proto.CheckFailure[] {
  return problems.map((p) => new proto.CheckFailure().setProperty(p.property).setReason(p.reason));
}

function checkResponse(inputs: DecodedProperties | { readonly values: Record<string, unknown>; readonly secretKeys: ReadonlySet<string> }, problems: readonly PropertyProblem[]): proto.CheckResponse {
  return new proto.CheckResponse().setInputs(encodeProperties(inputs.values, inputs.secretKeys)).setFailuresList(failuresOf(problems));
}

// The provider's inputs from Configure: `args` where the engine sends them; otherwise the older
// `variables` map (`bucket-encryption:config:<key>` → text).
function configureInputs(request: proto.ConfigureRequest): DecodedProperties {
  const args = request.getArgs();
  if (args !== undefined) return decodeProperties(args);
  const values: Record<string, unknown> = {};
  request.getVariablesMap().forEach((value, key) => {
    values[key.slice(key.lastIndexOf(":") + 1)] = value;
  });
  return { values, secretKeys: new Set() };
}

/**
 * Pulumi's ResourceProvider gRPC service over a PluginProvider: this module alone knows the wire
 * types (the SDK's generated messages). RPCs the package has no use for (Invoke, Call, Construct,
 * Parameterize, Handshake, mappings) are left to grpc-js, which answers UNIMPLEMENTED: the engine
 * then falls back to its defaults.
 */
export function resourceProviderService(provider: PluginProvider, onAttach: (engineAddress: string) => void = () => undefined): grpc.UntypedServiceImplementation {
  return {
    getPluginInfo: unary<Empty, PluginInfo>(() => new PluginInfo().setVersion(packageVersion())),
    getSchema: unary<proto.GetSchemaRequest, proto.GetSchemaResponse>(() => new proto.GetSchemaResponse().setSchema(JSON.stringify(buildSchema(packageVersion())))),
    attach: unary<PluginAttach, Empty>((request) => {
      onAttach(request.getAddress());
      return new Empty();
    }),
    cancel: unary<Empty, Empty>(() => {
      provider.cancel();
      return new Empty();
    }),
    checkConfig: unary<proto.CheckRequest, proto.CheckResponse>((request) => {
      const news = decodeProperties(request.getNews());
      const result = provider.checkConfig(news);
      return checkResponse({ values: result.inputs, secretKeys: result.secretKeys }, result.failures);
    }),
    diffConfig: unary<proto.DiffRequest, proto.DiffResponse>((request) => {
      const diff = provider.diffConfig(decodeProperties(request.getOlds()), decodeProperties(request.getNews()));
      const response = new proto.DiffResponse()
        .setChanges(diff.changed.length > 0 ? proto.DiffResponse.DiffChanges.DIFF_SOME : proto.DiffResponse.DiffChanges.DIFF_NONE)
        .setDiffsList([...diff.changed])
        .setReplacesList([])
        .setHasdetaileddiff(true);
      for (const key of diff.changed) response.getDetaileddiffMap().set(key, new proto.PropertyDiff().setKind(proto.PropertyDiff.Kind.UPDATE).setInputdiff(true));
      return response;
    }),
    configure: unary<proto.ConfigureRequest, proto.ConfigureResponse>(async (request) => {
      await provider.configure(configureInputs(request));
      return new proto.ConfigureResponse().setAcceptsecrets(true).setSupportspreview(true).setAcceptresources(false).setAcceptoutputs(false);
    }),
    check: unary<proto.CheckRequest, proto.CheckResponse>(async (request) => {
      const result = await provider.check(decodeProperties(request.getOlds()), decodeProperties(request.getNews()));
      return checkResponse(result.inputs, result.failures);
    }),
    diff: unary<proto.DiffRequest, proto.DiffResponse>(async (request) => {
      const diff = await provider.diff(request.getId(), decodeProperties(request.getOlds()), decodeProperties(request.getNews()));
      const response = new proto.DiffResponse()
        .setChanges(diff.details.length > 0 ? proto.DiffResponse.DiffChanges.DIFF_SOME : proto.DiffResponse.DiffChanges.DIFF_NONE)
        .setDiffsList(diff.details.map((d) => d.property))
        .setReplacesList([...diff.replaces])
        .setDeletebeforereplace(diff.deleteBeforeReplace)
        .setHasdetaileddiff(true);
      for (const change of diff.details) {
        const [kind, replaceKind] = PROPERTY_DIFF_KINDS[change.kind];
        response.getDetaileddiffMap().set(change.property, new proto.PropertyDiff().setKind(change.replaces ? replaceKind : kind).setInputdiff(false));
      }
      return response;
    }),
    create: unary<proto.CreateRequest, proto.CreateResponse>(async (request) => {
      const result = await provider.create(decodeProperties(request.getProperties()), { preview: request.getPreview(), timeoutSeconds: request.getTimeout() });
      return new proto.CreateResponse().setId(result.id).setProperties(encodeProperties(result.outputs.values, result.outputs.secretKeys));
    }),
    read: unary<proto.ReadRequest, proto.ReadResponse>(async (request) => {
      const result = await provider.read(request.getId(), decodeProperties(request.getProperties()), decodeProperties(request.getInputs()));
      // No id and no properties: the rule or the bucket is gone (a refresh drops the resource; an import fails).
      if (result === undefined) return new proto.ReadResponse();
      return new proto.ReadResponse()
        .setId(result.id)
        .setProperties(encodeProperties(result.outputs.values, result.outputs.secretKeys))
        .setInputs(encodeProperties(result.inputs.values, result.inputs.secretKeys));
    }),
    update: unary<proto.UpdateRequest, proto.UpdateResponse>(async (request) => {
      const outputs = await provider.update(request.getId(), decodeProperties(request.getOlds()), decodeProperties(request.getNews()), {
        preview: request.getPreview(),
        timeoutSeconds: request.getTimeout(),
      });
      return new proto.UpdateResponse().setProperties(encodeProperties(outputs.values, outputs.secretKeys));
    }),
    delete: unary<proto.DeleteRequest, Empty>(async (request) => {
      await provider.delete(request.getId(), decodeProperties(request.getProperties()), { timeoutSeconds: request.getTimeout() });
      return new Empty();
    }),
  };
}
