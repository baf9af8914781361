/** A route's answer that is signed (a feed page, a reply to a delivery): the signature headers set, the exact signed bytes sent. */
import { SerializedJson } from '../common/response-cache';

export function signedAnswer(
  signed: { body: string; headers: Record<string, string> },
  res: { setHeader(name: string, value: string): unknown },
): SerializedJson {
  for (const [name, value] of Object.entries(signed.headers)) res.setHeader(name, value);
  return new SerializedJson(signed.body);
}
