/**
 * The pure planner: desired state at an instant (active versions, windows) diffed against what is
 * observed, as an ordered list of actions with reasons. No I/O, no clock. May import: config, JGraphT.
 */
package procrust.plan;
