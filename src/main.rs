use std::process::ExitCode;

use clusterql::cli::Invocation;

fn main() -> ExitCode {
    clusterql::allocator::tune();
    let invocation = Invocation::parse_from(std::env::args_os());
    match clusterql::session::run(invocation) {
        Ok(()) => ExitCode::SUCCESS,
        // `clusterql … | head` closing the pipe early is not a failure.
        Err(error) if error.is_broken_pipe() => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("{}", error.report());
            ExitCode::from(error.exit_code())
        }
    }
}
