import "server-only";
import { headers } from "next/headers";
import { clientIp } from "./request";

/**
 * The client IP of the request being served (see clientIp), or null outside
 * a request (scripts, tests calling the DAL directly), where there is none.
 */
export async function currentRequestIp(): Promise<string | null> {
  let requestHeaders: Headers;
  try {
    requestHeaders = await headers();
  } catch {
    return null;
  }
  return clientIp(requestHeaders);
}
