//! "Uppföljning": the first plan year's budget, outcome to date, prognosis
//! and deviation per line and in total, when the data set is an interim
//! report's (`export::followup`). Written once per data set as one raw node,
//! like the other read-only tables; no scenario changes it.

use crate::core::Dataset;
use crate::export::followup::{follow_up, follow_up_html};
use crate::export::markup::Markup;
use crate::ui::components::markup;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FollowUpProps {
    pub data: Rc<Dataset>,
}

#[function_component(FollowUpSection)]
pub fn follow_up_section(props: &FollowUpProps) -> Html {
    let written = use_memo(props.data.clone(), |data| {
        follow_up(data).map(|f| {
            let mut m = Markup::new();
            follow_up_html(&mut m, &f);
            (f.year, Rc::new(m.into_fragment()))
        })
    });
    let Some((year, table)) = (*written).clone() else {
        return html! {};
    };
    html! {
        <section class="table-section followup-section" aria-labelledby="followup-title">
            <details>
                <summary><h2 id="followup-title" class="followup-section__title">{ format!("Uppföljning {year}: budget, utfall och prognos") }</h2></summary>
                <p class="field-hint">{ format!("Dataunderlagets egna siffror för {year}, som i delårsrapporten. Avvikelsen är prognos minus budget: för en kostnad betyder ett positivt tal mer än budgeterat, för resultatet ett bättre resultat. Scenariots val ändrar dem inte; planen räknar {year} från det underlag som valts i ”Underlag för {year}” under Utgångsläge {year}.") }</p>
                { markup::render((*table).clone()) }
            </details>
        </section>
    }
}
