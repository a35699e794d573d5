//! The HTML report's timeline: the report's dated claims on one calendar
//! axis, as inline SVG (no script, no external resources), with the
//! article's publication date marked.
//!
//! A claim is placed when its value names a stretch of the calendar (a date
//! claim's day, week, month...; a dismissal's or attendance's date): single
//! days are dots, longer stretches bars, each coloured by verdict and linked
//! to the claim. Labels are laid out in lanes so they never overlap.

use super::html::{esc, status_colour};
use super::input::{ReportInput, anchor};
use super::timeml;
use crate::model::{ClaimFields, Status, TimexType};
use chrono::{Datelike, Days, Months, NaiveDate};
use std::fmt::Write;

/// Drawing width in SVG units (the SVG scales to the page width).
const WIDTH: f64 = 720.0;
const MARGIN: f64 = 14.0;
const AXIS_Y: f64 = 30.0;
const FIRST_LANE_Y: f64 = 56.0;
const LANE_GAP: f64 = 22.0;
/// Average advance of the 10.5-unit label font, for layout.
const CHAR_W: f64 = 5.9;
const LABEL_MAX_CHARS: usize = 34;

/// One claim placed on the calendar.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub id: i64,
    /// The claim's number in the report (1-based).
    pub number: usize,
    pub first: NaiveDate,
    pub last: NaiveDate,
    /// What the article says (the date claim's words, or who did what),
    /// shown after the claim's number.
    pub label: String,
    pub status: Status,
}

/// The dated claims of `input`, in date order.
pub fn items(input: &ReportInput) -> Vec<Item> {
    let mut out: Vec<Item> = input
        .claims
        .iter()
        .enumerate()
        .filter_map(|(i, e)| {
            let c = &e.claim;
            let (value, what) = match &c.fields {
                ClaimFields::Date {
                    value,
                    timex_type: TimexType::Date | TimexType::Time,
                } => (value.as_str(), c.text.trim().to_string()),
                ClaimFields::Dismissal {
                    person,
                    date: Some(d),
                    how,
                    ..
                } => (d.as_str(), format!("{} {}", surname(person), how.as_str())),
                ClaimFields::Attendance {
                    person,
                    event,
                    date: Some(d),
                    ..
                } => (d.as_str(), format!("{} at {}", surname(person), event)),
                _ => return None,
            };
            let (first, last) = timeml::date_range(value)?;
            Some(Item {
                id: e.id,
                number: i + 1,
                first,
                last,
                label: truncate(&squash(&what), LABEL_MAX_CHARS),
                status: e.review.status,
            })
        })
        .collect();
    out.sort_by_key(|it| (it.first, it.last, it.number));
    out
}

fn surname(person: &str) -> &str {
    person.split_whitespace().last().unwrap_or(person)
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

/// Calendar ticks: every `step` days, months or years.
#[derive(Debug, Clone, Copy)]
enum Tick {
    Days(u64),
    Months(u32),
    Years(i32),
}

const TICKS: [Tick; 16] = [
    Tick::Days(1),
    Tick::Days(2),
    Tick::Days(7),
    Tick::Days(14),
    Tick::Months(1),
    Tick::Months(2),
    Tick::Months(3),
    Tick::Months(6),
    Tick::Years(1),
    Tick::Years(2),
    Tick::Years(5),
    Tick::Years(10),
    Tick::Years(25),
    Tick::Years(50),
    Tick::Years(100),
    Tick::Years(1000),
];

fn ticks(from: NaiveDate, to: NaiveDate, t: Tick) -> Vec<(NaiveDate, String)> {
    let mut out = Vec::new();
    match t {
        Tick::Days(k) => {
            // Weekly ticks fall on Mondays.
            let mut d = from;
            if k % 7 == 0 {
                while d.weekday() != chrono::Weekday::Mon {
                    let Some(n) = d.succ_opt() else { return out };
                    d = n;
                }
            }
            while d <= to && out.len() < 64 {
                out.push((d, timeml::day_short(d)));
                let Some(n) = d.checked_add_days(Days::new(k)) else {
                    break;
                };
                d = n;
            }
        }
        Tick::Months(k) => {
            let Some(mut d) = NaiveDate::from_ymd_opt(from.year(), from.month(), 1) else {
                return out;
            };
            if d < from {
                d = d.checked_add_months(Months::new(1)).unwrap_or(d);
            }
            while (d.month() - 1) % k != 0 {
                let Some(n) = d.checked_add_months(Months::new(1)) else {
                    return out;
                };
                d = n;
            }
            while d <= to && out.len() < 64 {
                out.push((d, d.format("%b %Y").to_string()));
                let Some(n) = d.checked_add_months(Months::new(k)) else {
                    break;
                };
                d = n;
            }
        }
        Tick::Years(k) => {
            let mut y = from.year();
            if NaiveDate::from_ymd_opt(y, 1, 1).is_none_or(|d| d < from) {
                y += 1;
            }
            y += (k - y.rem_euclid(k)) % k;
            while let Some(d) = NaiveDate::from_ymd_opt(y, 1, 1) {
                if d > to || out.len() >= 64 {
                    break;
                }
                out.push((d, y.to_string()));
                y += k;
            }
        }
    }
    out
}

/// The timeline of every dated claim as an `<svg>` element, or `None` when
/// no claim is dated.
pub fn svg(input: &ReportInput) -> Option<String> {
    let items = items(input);
    let published = input.article.published;
    let lo = items.iter().map(|i| i.first).chain(published).min()?;
    let hi = items.iter().map(|i| i.last).chain(published).max()?;
    if items.is_empty() {
        return None;
    }
    let span = (hi - lo).num_days().max(0) as u64;
    let pad = (span / 25).max(1);
    let from = lo.checked_sub_days(Days::new(pad)).unwrap_or(lo);
    let to = hi.checked_add_days(Days::new(pad + 1)).unwrap_or(hi);
    Some(draw(&items, published, from, to, "tl"))
}

/// Days either side of the centre that a close-up shows.
const CLOSE_UP_DAYS: u64 = 21;

/// When the dated claims stretch over more than two months but several
/// cluster around the publication date (or, without one, the latest claim),
/// a close-up of the six weeks around it: `(svg, first day, last day)`.
pub fn close_up(input: &ReportInput) -> Option<(String, NaiveDate, NaiveDate)> {
    let all = items(input);
    let lo = all.iter().map(|i| i.first).min()?;
    let hi = all.iter().map(|i| i.last).max()?;
    if (hi - lo).num_days() <= 60 {
        return None;
    }
    let centre = input.article.published.unwrap_or(hi);
    let from = centre.checked_sub_days(Days::new(CLOSE_UP_DAYS))?;
    let to = centre.checked_add_days(Days::new(CLOSE_UP_DAYS + 1))?;
    let near: Vec<Item> = all
        .iter()
        .filter(|i| i.first < to && i.last >= from)
        .map(|i| Item {
            first: i.first.max(from),
            last: i.last.min(to),
            ..i.clone()
        })
        .collect();
    if near.len() < 2 || near.len() == all.len() {
        return None;
    }
    let last = to.pred_opt().unwrap_or(to);
    Some((
        draw(&near, input.article.published, from, to, "tl-near"),
        from,
        last,
    ))
}

/// Where a label sits: right of its mark, else left of it, else (a bar
/// too wide for either) over the bar's start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Right,
    Left,
    Over,
}

/// Characters of the label as drawn: the number, a space, the words (the
/// bold number runs a little wider).
fn shown_chars(it: &Item) -> usize {
    it.number.to_string().len() + 2 + it.label.chars().count()
}

/// An item's place in the drawing.
#[derive(Debug, Clone, PartialEq)]
struct Placed<'a> {
    item: &'a Item,
    lane: usize,
    /// Start and end of the mark (equal for a single day's dot).
    x1: f64,
    x2: f64,
    bar: bool,
    side: Side,
    /// The horizontal stretch mark and label occupy in their lane.
    occupied: (f64, f64),
}

/// Places items (in date order) in lanes: each goes in the first lane whose
/// last mark and label end before its own begin, so nothing overlaps.
fn layout(items: &[Item], x: impl Fn(NaiveDate) -> f64) -> Vec<Placed<'_>> {
    let mut lane_ends: Vec<f64> = Vec::new();
    let mut placed = Vec::new();
    for it in items {
        let mut x1 = x(it.first);
        let mut x2 = x(it.last.succ_opt().unwrap_or(it.last)).max(x1);
        let bar = it.first != it.last && x2 - x1 >= 4.0;
        if !bar {
            // A day is a dot in the middle of its stretch of axis.
            x1 = (x1 + x2) / 2.0;
            x2 = x1;
        }
        let mark_end = if bar { x2 } else { x1 + 4.5 };
        let w = shown_chars(it) as f64 * CHAR_W;
        let side = if mark_end + 6.0 + w <= WIDTH - 2.0 {
            Side::Right
        } else if x1 - 10.0 - w >= 2.0 {
            Side::Left
        } else {
            Side::Over
        };
        let occupied = match side {
            Side::Right => (x1 - 5.0, mark_end + 6.0 + w),
            Side::Left => (x1 - 10.0 - w, mark_end),
            Side::Over => (x1 - 5.0, mark_end.max(x1 + 4.0 + w)),
        };
        let lane = match lane_ends.iter().position(|end| *end + 6.0 < occupied.0) {
            Some(l) => l,
            None => {
                lane_ends.push(f64::MIN);
                lane_ends.len() - 1
            }
        };
        if let Some(end) = lane_ends.get_mut(lane) {
            *end = occupied.1;
        }
        placed.push(Placed {
            item: it,
            lane,
            x1,
            x2,
            bar,
            side,
            occupied,
        });
    }
    placed
}

/// Draws `items` on an axis from `from` to `to` (exclusive); `id` keeps the
/// accessible title and description ids unique in the page.
fn draw(
    items: &[Item],
    published: Option<NaiveDate>,
    from: NaiveDate,
    to: NaiveDate,
    id: &str,
) -> String {
    let published = published.filter(|p| *p >= from && *p < to);
    let days = (to - from).num_days().max(1) as f64;
    let plot = WIDTH - 2.0 * MARGIN;
    let x = |d: NaiveDate| MARGIN + (d - from).num_days() as f64 / days * plot;

    let placed = layout(items, x);
    let lanes = placed.iter().map(|p| p.lane + 1).max().unwrap_or(1);
    let height = FIRST_LANE_Y + lanes as f64 * LANE_GAP;

    let mut s = String::new();
    let desc: Vec<String> = items
        .iter()
        .map(|it| {
            let when = if it.first == it.last {
                timeml::day_words(it.first)
            } else {
                format!(
                    "{} to {}",
                    timeml::day_words(it.first),
                    timeml::day_words(it.last)
                )
            };
            format!(
                "claim {}, {}: {} ({})",
                it.number,
                it.label,
                when,
                it.status.label()
            )
        })
        .collect();
    let _ = write!(
        s,
        r#"<svg class="timeline" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height:.0}" width="100%" role="img" aria-labelledby="{id}-title {id}-desc" font-family="Helvetica Neue, Arial, DejaVu Sans, sans-serif"><title id="{id}-title">Timeline of dated claims</title><desc id="{id}-desc">{}</desc>"#,
        esc(&desc.join("; "))
    );
    // Axis and ticks.
    let tick = TICKS
        .iter()
        .copied()
        .find(|t| ticks(from, to, *t).len() <= 8)
        .unwrap_or(Tick::Years(1000));
    let _ = write!(
        s,
        r##"<line x1="{MARGIN}" y1="{AXIS_Y}" x2="{:.1}" y2="{AXIS_Y}" stroke="#8c8577" stroke-width="1"/>"##,
        WIDTH - MARGIN
    );
    for (d, label) in ticks(from, to, tick) {
        let tx = x(d);
        // Labels near the ends are aligned inwards so they are not clipped.
        let half = label.chars().count() as f64 * 2.9;
        let (lx, la) = if tx + half > WIDTH - 2.0 {
            (WIDTH - 2.0, "end")
        } else if tx - half < 2.0 {
            (2.0, "start")
        } else {
            (tx, "middle")
        };
        let _ = write!(
            s,
            r##"<line x1="{tx:.1}" y1="{:.1}" x2="{tx:.1}" y2="{:.1}" stroke="#e4dfd4" stroke-width="0.8"/><line x1="{tx:.1}" y1="{:.1}" x2="{tx:.1}" y2="{AXIS_Y}" stroke="#8c8577" stroke-width="1"/><text x="{lx:.1}" y="{:.1}" font-size="9.5" fill="#6b665c" text-anchor="{la}">{}</text>"##,
            AXIS_Y,
            height - 4.0,
            AXIS_Y - 4.0,
            AXIS_Y - 9.0,
            esc(&label)
        );
    }
    if let Some(p) = published {
        let px = x(p) + (x(p.succ_opt().unwrap_or(p)) - x(p)) / 2.0;
        let _ = write!(
            s,
            r##"<line x1="{px:.1}" y1="{AXIS_Y}" x2="{px:.1}" y2="{:.1}" stroke="#2b2a27" stroke-width="1" stroke-dasharray="3 3"/><text x="{px:.1}" y="{:.1}" font-size="9" fill="#2b2a27" text-anchor="middle" font-weight="bold" stroke="#fffdf8" stroke-width="3" paint-order="stroke">published</text>"##,
            height - 4.0,
            AXIS_Y + 11.0
        );
    }
    for p in placed {
        let Placed {
            item: it,
            lane,
            x1,
            x2,
            bar,
            side,
            ..
        } = p;
        let y = FIRST_LANE_Y + lane as f64 * LANE_GAP;
        let colour = status_colour(it.status);
        let _ = write!(s, r##"<a href="#{}">"##, anchor(it.id));
        let _ = write!(
            s,
            r##"<line x1="{x1:.1}" y1="{AXIS_Y}" x2="{x1:.1}" y2="{:.1}" stroke="{colour}" stroke-opacity="0.35" stroke-width="0.8"/>"##,
            y - 5.0
        );
        let end = if bar {
            let _ = write!(
                s,
                r##"<rect x="{x1:.1}" y="{:.1}" width="{:.1}" height="8" rx="3" fill="{colour}" fill-opacity="0.85"/>"##,
                y - 4.0,
                x2 - x1
            );
            x2
        } else {
            let _ = write!(
                s,
                r##"<circle cx="{x1:.1}" cy="{y:.1}" r="4.5" fill="{colour}"/>"##
            );
            x1 + 4.5
        };
        let (tx, anchor_attr) = match side {
            Side::Right => (end + 5.0, "start"),
            Side::Left => (x1 - 8.0, "end"),
            Side::Over => (x1 + 4.0, "start"),
        };
        let _ = write!(
            s,
            r##"<text x="{tx:.1}" y="{:.1}" font-size="10.5" fill="#2b2a27" text-anchor="{anchor_attr}" stroke="#fffdf8" stroke-width="3" paint-order="stroke"><tspan font-weight="bold">{}</tspan> {}</text></a>"##,
            y + 3.8,
            it.number,
            esc(&it.label)
        );
    }
    s.push_str("</svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(n: usize, first: &str, last: &str, label: &str) -> Item {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default();
        Item {
            id: n as i64,
            number: n,
            first: d(first),
            last: d(last),
            label: label.into(),
            status: Status::Verified,
        }
    }

    #[test]
    fn labels_in_a_lane_never_overlap_and_stay_on_the_drawing() {
        // Crowded: many claims on few days, some long labels, one long span.
        let mut items = Vec::new();
        for i in 0..40 {
            let day = format!("2025-11-{:02}", 1 + (i * 7) % 28);
            let label = if i % 3 == 0 {
                format!("{i} a rather long label for a claim")
            } else {
                format!("{i} Friday")
            };
            items.push(item(i, &day, &day, &label));
        }
        items.push(item(99, "2025-11-01", "2025-11-30", "99 November"));
        items.sort_by_key(|it| (it.first, it.last, it.number));
        let from = NaiveDate::from_ymd_opt(2025, 10, 30).unwrap_or_default();
        let days = 33.0;
        let x =
            |d: NaiveDate| MARGIN + (d - from).num_days() as f64 / days * (WIDTH - 2.0 * MARGIN);
        let placed = layout(&items, x);
        assert_eq!(placed.len(), items.len());
        for p in &placed {
            assert!(p.occupied.0 >= 0.0 && p.occupied.1 <= WIDTH, "{p:?}");
            for q in placed
                .iter()
                .filter(|q| q.lane == p.lane && q.item.number != p.item.number)
            {
                let apart = p.occupied.1 < q.occupied.0 || q.occupied.1 < p.occupied.0;
                assert!(apart, "{:?} overlaps {:?}", p.occupied, q.occupied);
            }
        }
        // The month is a bar; single days are dots.
        assert!(placed.iter().any(|p| p.bar && p.item.number == 99));
        assert!(
            placed
                .iter()
                .filter(|p| p.item.number != 99)
                .all(|p| !p.bar)
        );
    }

    #[test]
    fn ticks_stay_few_and_inside_the_range() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap_or_default();
        for (from, to) in [
            (d(2025, 11, 20), d(2025, 11, 30)),
            (d(2025, 3, 1), d(2025, 12, 1)),
            (d(1850, 1, 1), d(2025, 1, 1)),
            (d(2025, 1, 1), d(2025, 1, 2)),
        ] {
            let t = TICKS
                .iter()
                .copied()
                .find(|t| ticks(from, to, *t).len() <= 8)
                .unwrap_or(Tick::Years(1000));
            let ts = ticks(from, to, t);
            assert!(!ts.is_empty() && ts.len() <= 8, "{from}..{to}: {ts:?}");
            assert!(ts.iter().all(|(x, _)| *x >= from && *x <= to));
        }
    }
}
