//! The claim rules, registered in one table. Every rule reads the analysed
//! article (`Ctx`) and nothing else: segmentation, mentions, coreference,
//! the temporal expressions and the shared indexes (the role index) are
//! all built before any rule runs, so rules do not depend on each other's
//! order. Adding a claim kind is one module with a `Rule` and one line in
//! `RULES`.

use super::context::Ctx;
use crate::model::{Claim, ClaimFields};

/// A claim rule: the claims of one kind in the analysed article.
pub trait Rule: Sync {
    /// Its claims, in any order (the caller sorts them).
    fn find(&self, ctx: &Ctx) -> Vec<Claim>;
}

/// Every rule, in the order their claims are listed for equal spans.
pub static RULES: &[&dyn Rule] = &[
    &Dates,
    &super::role::Roles,
    &super::dismissal::Dismissals,
    &super::attendance::Attendances,
    &super::quote::Quotes,
];

/// Dates: every temporal expression the timex pass found is a claim.
pub struct Dates;

impl Rule for Dates {
    fn find(&self, ctx: &Ctx) -> Vec<Claim> {
        let text = ctx.doc.text;
        ctx.timexes
            .iter()
            .filter(|t| {
                t.start <= t.end
                    && text.is_char_boundary(t.start)
                    && text.is_char_boundary(t.end)
                    && t.end <= text.len()
            })
            .map(|t| Claim {
                sentence: super::sentence_of_segs(&ctx.doc.segs, t.start),
                text: text[t.start..t.end].to_string(),
                start: t.start,
                end: t.end,
                confidence: t.confidence,
                fields: ClaimFields::Date {
                    value: t.value.clone(),
                    timex_type: t.timex_type,
                },
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_one_rule() {
        use crate::model::ClaimKind;
        let text = "Mayor Ana Pelk met Ivo Lund in Dunhollow on 3 March 2024 and \
                    resigned. \"We agreed,\" she said.";
        let mut ctx = Ctx::new(text, None, crate::extract::timex::find(text, None));
        crate::extract::role::index_pass(&mut ctx);
        let kinds: Vec<Vec<ClaimKind>> = RULES
            .iter()
            .map(|r| {
                let mut k: Vec<ClaimKind> = r.find(&ctx).iter().map(|c| c.kind()).collect();
                k.dedup();
                k
            })
            .collect();
        use ClaimKind::*;
        assert_eq!(
            kinds,
            [
                vec![Date],
                vec![Role],
                vec![Dismissal],
                vec![Attendance],
                vec![Quote]
            ]
        );
    }
}
