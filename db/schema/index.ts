export * from "./jurisdictions";
export * from "./articles";
export * from "./users";
export * from "./updates";
export * from "./edits";
export * from "./review";
export * from "./follows";
