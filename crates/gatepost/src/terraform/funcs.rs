//! Terraform's built-in functions that can be evaluated statically. A function we do not
//! know, or one given unknown arguments, yields `None` (the caller marks it unknown).

use super::eval::Resolver;
use super::value::{fmt_num, Val};

pub fn call(name: &str, args: Vec<Val>, r: &dyn Resolver) -> Option<Val> {
    // Functions that tolerate unknown arguments come first.
    match name {
        "coalesce" => {
            for a in args {
                match a {
                    Val::Unknown(_) => return None,
                    Val::Null => continue,
                    Val::Str(ref s) if s.is_empty() => continue,
                    other => return Some(other),
                }
            }
            return None;
        }
        "merge" => {
            let mut out: Vec<(String, Val)> = Vec::new();
            for a in args {
                match a {
                    Val::Obj(o) => {
                        for (k, v) in o {
                            out.retain(|(ok, _)| *ok != k);
                            out.push((k, v));
                        }
                    }
                    Val::Null => {}
                    _ => return None,
                }
            }
            return Some(Val::Obj(out));
        }
        _ => {}
    }
    if args.iter().any(Val::is_unknown) {
        return None;
    }
    let s = |i: usize| args.get(i).and_then(Val::to_str);
    let n = |i: usize| args.get(i).and_then(Val::as_f64);
    Some(match name {
        "jsonencode" => Val::Str(serde_json::to_string(&args.first()?.to_plain_json()?).ok()?),
        "jsondecode" => Val::from_json(&serde_json::from_str(&s(0)?).ok()?),
        "yamldecode" => {
            let docs = crate::parse::yaml::parse_stream(&s(0)?, Default::default()).ok()?;
            Val::from_json(&docs.into_iter().next()?.value)
        }
        "tostring" => Val::Str(s(0)?),
        "tonumber" => Val::Num(n(0)?),
        "tobool" => Val::Bool(args.first()?.truthy()?),
        "tolist" | "toset" => {
            let l = list(args.first()?)?;
            if name == "toset" {
                Val::List(dedup(l))
            } else {
                Val::List(l)
            }
        }
        "tomap" => match args.first()? {
            Val::Obj(o) => Val::Obj(o.clone()),
            _ => return None,
        },
        "concat" => {
            let mut out = Vec::new();
            for a in &args {
                out.extend(list(a)?);
            }
            Val::List(out)
        }
        "flatten" => Val::List(flatten(args.first()?)?),
        "distinct" => Val::List(dedup(list(args.first()?)?)),
        "compact" => Val::List(
            list(args.first()?)?
                .into_iter()
                .filter(|v| !matches!(v, Val::Null) && v.as_str() != Some(""))
                .collect(),
        ),
        "length" => Val::Num(match args.first()? {
            Val::List(l) => l.len(),
            Val::Obj(o) => o.len(),
            Val::Str(s) => s.chars().count(),
            _ => return None,
        } as f64),
        "element" => {
            let l = list(args.first()?)?;
            if l.is_empty() {
                return None;
            }
            let i = n(1)?;
            l[(i as usize) % l.len()].clone()
        }
        "one" => match list(args.first()?)?.as_slice() {
            [] => Val::Null,
            [x] => x.clone(),
            _ => return None,
        },
        "sum" => Val::Num(nums(&list(args.first()?)?)?.into_iter().sum()),
        "reverse" => Val::List(list(args.first()?)?.into_iter().rev().collect()),
        "slice" => {
            let l = list(args.first()?)?;
            let (a, b) = (n(1)? as usize, n(2)? as usize);
            Val::List(l.get(a..b)?.to_vec())
        }
        "setunion" => {
            let mut out = Vec::new();
            for a in &args {
                out.extend(list(a)?);
            }
            Val::List(dedup(out))
        }
        "setintersection" => {
            let mut out = dedup(list(args.first()?)?);
            for a in &args[1..] {
                let other = list(a)?;
                out.retain(|v| other.contains(v));
            }
            Val::List(out)
        }
        "setsubtract" => {
            let other = list(args.get(1)?)?;
            Val::List(
                dedup(list(args.first()?)?)
                    .into_iter()
                    .filter(|v| !other.contains(v))
                    .collect(),
            )
        }
        "coalescelist" => args
            .iter()
            .find(|a| matches!(a, Val::List(l) if !l.is_empty()))
            .cloned()
            .unwrap_or(Val::List(vec![])),
        "alltrue" => Val::Bool(
            list(args.first()?)?
                .iter()
                .map(Val::truthy)
                .collect::<Option<Vec<bool>>>()?
                .into_iter()
                .all(|b| b),
        ),
        "anytrue" => Val::Bool(
            list(args.first()?)?
                .iter()
                .map(Val::truthy)
                .collect::<Option<Vec<bool>>>()?
                .into_iter()
                .any(|b| b),
        ),
        "formatlist" => {
            let spec = s(0)?;
            let rest = &args[1..];
            let len = rest
                .iter()
                .filter_map(|a| match a {
                    Val::List(l) => Some(l.len()),
                    _ => None,
                })
                .max()
                .unwrap_or(1);
            let mut out = Vec::new();
            for i in 0..len {
                let row: Vec<Val> = rest
                    .iter()
                    .map(|a| match a {
                        Val::List(l) => l.get(i).cloned(),
                        other => Some(other.clone()),
                    })
                    .collect::<Option<_>>()?;
                out.push(Val::Str(format(&spec, &row)?));
            }
            Val::List(out)
        }
        "sha256" => {
            use sha2::Digest;
            let d = sha2::Sha256::digest(s(0)?.as_bytes());
            Val::Str(d.iter().map(|b| format!("{b:02x}")).collect())
        }
        "index" => {
            let l = list(args.first()?)?;
            Val::Num(l.iter().position(|v| Some(v) == args.get(1))? as f64)
        }
        "contains" => Val::Bool(list(args.first()?)?.contains(args.get(1)?)),
        "keys" => match args.first()? {
            Val::Obj(o) => Val::List(o.iter().map(|(k, _)| Val::Str(k.clone())).collect()),
            _ => return None,
        },
        "values" => match args.first()? {
            Val::Obj(o) => Val::List(o.iter().map(|(_, v)| v.clone()).collect()),
            _ => return None,
        },
        "lookup" => match args.first()?.get(&s(1)?) {
            Some(v) => v.clone(),
            None => args.get(2)?.clone(),
        },
        "zipmap" => {
            let ks = list(args.first()?)?;
            let vs = list(args.get(1)?)?;
            Val::Obj(
                ks.iter()
                    .zip(vs)
                    .filter_map(|(k, v)| Some((k.to_str()?, v)))
                    .collect(),
            )
        }
        "join" => {
            let sep = s(0)?;
            let mut parts = Vec::new();
            for a in &args[1..] {
                for v in list(a)? {
                    parts.push(v.to_str()?);
                }
            }
            Val::Str(parts.join(&sep))
        }
        "split" => Val::List(
            s(1)?
                .split(&s(0)?)
                .map(|p| Val::Str(p.to_string()))
                .collect(),
        ),
        "format" => Val::Str(format(&s(0)?, &args[1..])?),
        "lower" => Val::Str(s(0)?.to_lowercase()),
        "upper" => Val::Str(s(0)?.to_uppercase()),
        "title" => Val::Str(title(&s(0)?)),
        "trimspace" => Val::Str(s(0)?.trim().to_string()),
        "trim" => Val::Str(
            s(0)?
                .trim_matches(|c| s(1).unwrap_or_default().contains(c))
                .to_string(),
        ),
        "trimprefix" => Val::Str(
            s(0)?
                .strip_prefix(&s(1)?)
                .map(str::to_string)
                .unwrap_or(s(0)?),
        ),
        "trimsuffix" => Val::Str(
            s(0)?
                .strip_suffix(&s(1)?)
                .map(str::to_string)
                .unwrap_or(s(0)?),
        ),
        "replace" => {
            let (text, from, to) = (s(0)?, s(1)?, s(2)?);
            if from.len() > 2 && from.starts_with('/') && from.ends_with('/') {
                let re = regex::Regex::new(&from[1..from.len() - 1]).ok()?;
                Val::Str(
                    re.replace_all(&text, to.replace("$", "$$").as_str())
                        .into_owned(),
                )
            } else {
                Val::Str(text.replace(&from, &to))
            }
        }
        "substr" => {
            let text: Vec<char> = s(0)?.chars().collect();
            let off = n(1)? as usize;
            let len = n(2)?;
            let end = if len < 0.0 {
                text.len()
            } else {
                (off + len as usize).min(text.len())
            };
            Val::Str(text.get(off..end)?.iter().collect())
        }
        "startswith" => Val::Bool(s(0)?.starts_with(&s(1)?)),
        "endswith" => Val::Bool(s(0)?.ends_with(&s(1)?)),
        "strcontains" => Val::Bool(s(0)?.contains(&s(1)?)),
        "min" => Val::Num(nums(&args)?.into_iter().fold(f64::INFINITY, f64::min)),
        "max" => Val::Num(nums(&args)?.into_iter().fold(f64::NEG_INFINITY, f64::max)),
        "abs" => Val::Num(n(0)?.abs()),
        "ceil" => Val::Num(n(0)?.ceil()),
        "floor" => Val::Num(n(0)?.floor()),
        "range" => {
            let (start, end, step) = match args.len() {
                1 => (0.0, n(0)?, 1.0),
                2 => (n(0)?, n(1)?, 1.0),
                _ => (n(0)?, n(1)?, n(2)?),
            };
            if step == 0.0 || ((end - start) / step) > 10_000.0 {
                return None;
            }
            let mut out = Vec::new();
            let mut x = start;
            while (step > 0.0 && x < end) || (step < 0.0 && x > end) {
                out.push(Val::Num(x));
                x += step;
            }
            Val::List(out)
        }
        "file" => Val::Str(r.read_file(&s(0)?)?),
        "abspath" | "pathexpand" => Val::Str(s(0)?),
        "basename" => Val::Str(s(0)?.rsplit('/').next()?.to_string()),
        "dirname" => Val::Str(
            s(0)?
                .rsplit_once('/')
                .map(|(d, _)| d.to_string())
                .unwrap_or_else(|| ".".into()),
        ),
        _ => return None,
    })
}

fn list(v: &Val) -> Option<Vec<Val>> {
    match v {
        Val::List(l) => Some(l.clone()),
        Val::Null => Some(vec![]),
        _ => None,
    }
}

fn nums(args: &[Val]) -> Option<Vec<f64>> {
    args.iter().map(Val::as_f64).collect()
}

fn flatten(v: &Val) -> Option<Vec<Val>> {
    let mut out = Vec::new();
    for x in list(v)? {
        match x {
            Val::List(_) => out.extend(flatten(&x)?),
            other => out.push(other),
        }
    }
    Some(out)
}

fn dedup(l: Vec<Val>) -> Vec<Val> {
    let mut out: Vec<Val> = Vec::new();
    for v in l {
        if !out.contains(&v) {
            out.push(v);
        }
    }
    out
}

fn title(s: &str) -> String {
    let mut out = String::new();
    let mut start = true;
    for c in s.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
        start = !c.is_alphanumeric();
    }
    out
}

/// `format` with the verbs templates use in practice (%s %d %v %q %f %%), with flags
/// `-` and `0`, a width and a precision.
fn format(spec: &str, args: &[Val]) -> Option<String> {
    let mut out = String::new();
    let mut it = spec.chars().peekable();
    let mut i = 0;
    while let Some(c) = it.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let (mut left, mut zero) = (false, false);
        while let Some(&f) = it.peek() {
            match f {
                '-' => left = true,
                '0' => zero = true,
                '+' | '#' | ' ' => {}
                _ => break,
            }
            it.next();
        }
        let mut width = String::new();
        while let Some(d) = it.next_if(char::is_ascii_digit) {
            width.push(d);
        }
        let mut precision = None;
        if it.next_if_eq(&'.').is_some() {
            let mut p = String::new();
            while let Some(d) = it.next_if(char::is_ascii_digit) {
                p.push(d);
            }
            precision = Some(p.parse::<usize>().unwrap_or(0));
        }
        let verb = it.next()?;
        let text = match verb {
            '%' => {
                out.push('%');
                continue;
            }
            's' | 'v' => args.get(i)?.to_str()?,
            'd' => fmt_num(args.get(i)?.as_f64()?.trunc()),
            'f' => format!("{:.*}", precision.unwrap_or(6), args.get(i)?.as_f64()?),
            'q' => serde_json::to_string(&args.get(i)?.to_str()?).ok()?,
            _ => return None,
        };
        i += 1;
        let width: usize = width.parse().unwrap_or(0);
        let pad = width.saturating_sub(text.chars().count());
        if left {
            out.push_str(&text);
            out.extend(std::iter::repeat_n(' ', pad));
        } else if zero && verb != 's' && verb != 'q' {
            let (sign, digits) = match text.strip_prefix('-') {
                Some(d) => ("-", d),
                None => ("", text.as_str()),
            };
            out.push_str(sign);
            out.extend(std::iter::repeat_n('0', pad));
            out.push_str(digits);
        } else {
            out.extend(std::iter::repeat_n(' ', pad));
            out.push_str(&text);
        }
    }
    Some(out)
}
