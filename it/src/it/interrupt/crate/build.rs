//! A build that hangs while slow.flag exists beside Cargo.toml, after starting a detached
//! daemon (`setsid sleep 617`): what an interrupted run must not leave behind.
use std::path::Path;
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=slow.flag");
    if Path::new("slow.flag").exists() {
        let _ = Command::new("setsid").args(["sleep", "617"]).spawn();
        std::thread::sleep(std::time::Duration::from_secs(618));
    }
}
