//! The equity chart: closing equity 2024–2027 as bars from a zero line, each
//! year's guideline marked, and a table twin for screen readers. The geometry
//! comes from `model::chart`; this component only draws it.

use crate::model::chart::{equity_chart, px, ChartFrame};
use crate::model::format::{compact_kronor, kronor_kr};
use crate::model::Projection;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChartProps {
    pub projection: Rc<Projection>,
}

/// A chart's SVG: its grid with amounts, the zero line over what it draws,
/// and the year labels. Shared by the equity chart and the comparison chart.
pub fn chart_svg(frame: &ChartFrame, years: &[(u16, f64)], drawn: Html) -> Html {
    html! {
        <svg class="chart__svg" viewBox={format!("0 0 {} {}", frame.width, frame.height)}
            aria-hidden="true" focusable="false" preserveAspectRatio="xMidYMid meet">
            { for frame.ticks.iter().map(|t| html! {
                <g class="chart__tick">
                    <line x1={px(frame.plot_left)} x2={px(frame.plot_right)} y1={px(t.y)} y2={px(t.y)} />
                    <text x={px(frame.tick_label_x)} y={px(t.label_y)} text-anchor="end">{ compact_kronor(t.value) }</text>
                </g>
            }) }
            { drawn }
            <line class="chart__zero" x1={px(frame.plot_left)} x2={px(frame.plot_right)} y1={px(frame.zero_y)} y2={px(frame.zero_y)} />
            { for years.iter().map(|(year, x)| html! {
                <text class="chart__year" x={px(*x)} y={px(frame.label_y)} text-anchor="middle">{ year }</text>
            }) }
        </svg>
    }
}

#[function_component(EquityChartView)]
pub fn equity_chart_view(props: &ChartProps) -> Html {
    let chart = equity_chart(&props.projection);
    html! {
        <figure class="chart" aria-labelledby="chart-title">
            <figcaption id="chart-title" class="chart__title">{"Utgående eget kapital 2024–2027"}</figcaption>
            { chart_svg(&chart.frame, &chart.bars.iter().map(|b| (b.year, b.centre_x)).collect::<Vec<_>>(), html! { <>{
                for chart.bars.iter().map(|b| {
                    html! {
                        <g class={classes!("chart__bar", b.negative.then_some("chart__bar--negative"), (b.year == 2024).then_some("chart__bar--reference"))}>
                            <rect x={px(b.x)} y={px(b.y)} width={px(b.width)} height={px(b.height)} />
                            <text class="chart__value" x={px(b.centre_x)} y={px(b.value_label_y)} text-anchor="middle">{ compact_kronor(b.closing) }</text>
                            <line class="chart__guideline" x1={px(b.guideline_x1)} x2={px(b.guideline_x2)} y1={px(b.guideline_y)} y2={px(b.guideline_y)} />
                        </g>
                    }
                })
            }</> }) }
            <p class="chart__legend" aria-hidden="true">
                <span class="legend legend--bar">{"Utgående eget kapital"}</span>
                <span class="legend legend--negative">{"Negativt"}</span>
                <span class="legend legend--guideline">{"Riktvärde"}</span>
                <span class="legend legend--zero">{"Noll"}</span>
            </p>
            // A table cannot shrink to 1 px itself, so its wrapper is the hidden box.
            <div class="visually-hidden">
            <table>
                <caption>{"Utgående eget kapital och riktvärde per år"}</caption>
                <thead>
                    <tr><th scope="col">{"År"}</th><th scope="col">{"Utgående eget kapital"}</th><th scope="col">{"Riktvärde"}</th></tr>
                </thead>
                <tbody>
                    { for chart.bars.iter().map(|b| html! {
                        <tr>
                            <th scope="row">{ b.year }</th>
                            <td>{ kronor_kr(b.closing) }</td>
                            <td>{ kronor_kr(b.guideline) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            </div>
        </figure>
    }
}
