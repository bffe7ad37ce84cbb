/**
 * The largest server action body, in bytes: next.config.ts hands it to Next
 * (serverActions.bodySizeLimit) and proxy.ts answers 413 above it, so the two
 * cannot disagree. Next's default, 1 MB, stated once here.
 */
export const ACTION_BODY_LIMIT_BYTES = 1024 * 1024;
