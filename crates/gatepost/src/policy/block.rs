//! The `# METADATA` comment block of a `.rego` file.
//!
//! Standalone (std only): the build script includes this file to read the bundled rules'
//! metadata at build time, exactly as the runtime reads users' rules.

/// The first `# METADATA` comment block: (line of its first YAML line, YAML text).
pub fn metadata_block(text: &str) -> Option<(u32, String)> {
    let mut lines = text.lines().enumerate();
    let (start, _) = lines.find(|(_, l)| l.trim() == "# METADATA")?;
    let mut yaml = String::new();
    for (_, l) in lines {
        let Some(c) = l.strip_prefix('#') else { break };
        yaml.push_str(c.strip_prefix(' ').unwrap_or(c));
        yaml.push('\n');
    }
    Some((start as u32 + 2, yaml))
}
