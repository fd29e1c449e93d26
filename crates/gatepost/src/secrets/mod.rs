//! Native secret detection (candidates handed to the `secrets` Rego policy as facts).
