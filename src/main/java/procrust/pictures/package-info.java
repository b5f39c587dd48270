/**
 * Pictures of a file: the dependency graph at an instant (Mermaid flowchart, Graphviz DOT through
 * JGraphT's exporter, JSON) and the timeline of when each process is wanted (text bars, Mermaid gantt,
 * JSON). Views only: the facts come from the planner. May import: config, plan, JGraphT, Jackson.
 */
package procrust.pictures;
