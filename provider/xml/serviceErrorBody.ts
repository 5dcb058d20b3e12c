import { childText, parseXml } from "../xml/parseXml";

/** The fields of a service's XML error body (`<Error><Code/><Message/><RequestId/>…</Error>`). */
export interface ServiceErrorBody {
  readonly code?: string;
  readonly message?: string;
  readonly requestId?: string;
  /** Aliyun's detailed error code, e.g. `0005-00000004`. */
  readonly ec?: string;
}

/**
 * Parses an error body, namespace-tolerantly (Aliyun sometimes adds `xmlns`). A body that is not
 * an `<Error>` document yields no fields: the status alone then describes the failure.
 */
export function parseServiceErrorBody(body: string): ServiceErrorBody {
  if (body.trim() === "") return {};
  let root;
  try {
    root = parseXml(body)["Error"];
  } catch {
    return {};
  }
  const field = (name: string) => {
    const value = childText(root, name);
    return value !== undefined && value !== "" ? value : undefined;
  };
  const code = field("Code");
  const message = field("Message");
  const requestId = field("RequestId");
  const ec = field("EC");
  return {
    ...(code !== undefined ? { code } : {}),
    ...(message !== undefined ? { message } : {}),
    ...(requestId !== undefined ? { requestId } : {}),
    ...(ec !== undefined ? { ec } : {}),
  };
}
