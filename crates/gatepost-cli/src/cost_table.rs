//! `gatepost cost` as text: per app, a table of line items with quantities and unit prices.

/// The text table of a report's cost estimates.
pub(crate) fn render(costs: &serde_json::Value) -> String {
    let mut s = String::new();
    let empty = vec![];
    for app in costs
        .get("apps")
        .and_then(|a| a.as_array())
        .unwrap_or(&empty)
    {
        let bound = if app["lower_bound"].as_bool() == Some(true) {
            " (at least)"
        } else {
            ""
        };
        s.push_str(&format!(
            "app {}: ${:.2}/month{bound}\n",
            app["app"].as_str().unwrap_or("?"),
            app["monthly"].as_f64().unwrap_or(0.0)
        ));
        let mut rows = vec![[
            "resource".to_string(),
            "line item".into(),
            "quantity".into(),
            "unit price".into(),
            "monthly".into(),
        ]];
        for item in app["items"].as_array().unwrap_or(&empty) {
            for li in item["line_items"].as_array().unwrap_or(&empty) {
                let unit = li["unit"].as_str().unwrap_or("");
                let qty = li["quantity"].as_f64().unwrap_or(0.0);
                rows.push([
                    item["address"].as_str().unwrap_or("").to_string(),
                    li["name"].as_str().unwrap_or("").to_string(),
                    format!("{} {unit}", trim_number(qty)),
                    format!("${:.4}", li["unit_price"].as_f64().unwrap_or(0.0)),
                    format!("${:.2}", li["monthly"].as_f64().unwrap_or(0.0)),
                ]);
            }
        }
        // Columns as wide as their widest cell; numbers right-aligned.
        let width = |c: usize| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0);
        let w: Vec<usize> = (0..5).map(width).collect();
        for r in &rows {
            s.push_str(&format!(
                "  {:<w0$}  {:<w1$}  {:>w2$}  {:>w3$}  {:>w4$}\n",
                r[0],
                r[1],
                r[2],
                r[3],
                r[4],
                w0 = w[0],
                w1 = w[1],
                w2 = w[2],
                w3 = w[3],
                w4 = w[4]
            ));
        }
        for np in app["not_priced"].as_array().unwrap_or(&empty) {
            s.push_str(&format!(
                "  not priced: {} ({})\n",
                np["address"].as_str().unwrap_or(""),
                np["reason"].as_str().unwrap_or("")
            ));
        }
    }
    if s.is_empty() {
        s.push_str("no priced resources found\n");
    }
    s
}

/// 730.0 -> "730", 0.25 -> "0.25".
fn trim_number(x: f64) -> String {
    let t = format!("{x:.4}");
    t.trim_end_matches('0').trim_end_matches('.').to_string()
}
