//! The equity chart on the page: the same SVG the decision document prints
//! (`export::svg`), patched in place where a move changed it (`patched`).

use crate::core::Projection;
use crate::export::markup::Markup;
use crate::export::svg::equity_chart_html;
use crate::ui::components::patched::Patched;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChartProps {
    pub projection: Rc<Projection>,
}

#[function_component(EquityChartView)]
pub fn equity_chart_view(props: &ChartProps) -> Html {
    let years = &props.projection.years;
    let title = format!(
        "Utgående eget kapital {}–{}, med riktvärdet (taket) markerat",
        props
            .projection
            .reference
            .as_ref()
            .map_or(years[0].year, |r| r.year),
        props.projection.last().year
    );
    let mut m = Markup::new();
    equity_chart_html(&mut m, &props.projection, &title, "chart-title");
    // On a phone the chart keeps readable type and scrolls in this frame.
    html! {
        <Patched fragment={Rc::new(m.into_fragment())} class="chart-frame" region="Diagram över eget kapital" />
    }
}
