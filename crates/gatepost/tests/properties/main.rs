//! Property tests over real fixtures: findings lie inside their files, output does not
//! depend on threads or file order, suppressions hide only what they name, and baselines
//! hide exactly what they record.

mod baselines;
mod corpus;
mod determinism;
mod locations;
mod suppressions;
