//! The runner: a statement in, its result out in the chosen format. The
//! shell, `-c`/`-f` and `check` all run statements through here.
//!
//! It stands between the face (`cli`, `session`, `repl`, `commands`),
//! which decides what to run and where its results go, and the engine and
//! the writers (`engine`, `render`), which it drives. It imports nothing
//! from the face.

pub mod batch;
pub mod exec;
pub mod output;
