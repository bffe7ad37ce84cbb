// The Census Bureau's state boundaries as us-atlas packages them (TopoJSON),
// read on the server only: the files never reach the browser.
import type { Topology, GeometryCollection } from "topojson-specification";
import statesJson from "us-atlas/states-10m.json";
import statesAlbersJson from "us-atlas/states-albers-10m.json";

type StateProps = { name: string };
export type StatesTopology = Topology<{
  states: GeometryCollection<StateProps>;
  nation: GeometryCollection;
}>;

/** Longitude and latitude (for containment tests), with the territories. */
export const statesTopology = statesJson as unknown as StatesTopology;

/** Already projected with Albers USA at scale 1300 into 975 × 610 (the fifty states and DC). */
export const statesAlbersTopology = statesAlbersJson as unknown as StatesTopology;
