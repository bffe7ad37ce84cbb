export * from "./jurisdictions";
export * from "./articles";
