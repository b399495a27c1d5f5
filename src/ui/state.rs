//! The root reducer: one `Rc<AppState>` owns the page's [`Workspace`] and
//! what is derived from it (the projection of the current scenario, the
//! budget table, the members' and the teams' figures, the comparison's
//! figures). The pure `Workspace::apply` decides what a message does; this
//! wrapper adds the clock and recomputes only what changed. A message that
//! changes nothing hands back the same `Rc`, which Yew takes as "nothing to
//! re-render".

use crate::core::compare::{compare, ColumnFigures};
use crate::core::horizon::Year;
use crate::core::members::{members_table, MembersTable};
use crate::core::staffing::{staffing_table, TeamStaffing};
use crate::core::{project, Projection};
use crate::export::cards::{year_cards, YearCard};
use crate::export::chart::{comparison_chart, LineChart};
use crate::export::table::{budget_table, BudgetTable};
use crate::state::workspace::{Context, Msg, Workspace};
use crate::ui::platform;
use rust_decimal::Decimal;
use std::rc::Rc;
use yew::Reducible;

/// Everything derived from the current scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct Derived {
    pub projection: Rc<Projection>,
    pub table: Rc<BudgetTable>,
    pub members: Option<Rc<MembersTable>>,
    pub staffing: Rc<Vec<TeamStaffing>>,
    pub cards: Rc<Vec<YearCard>>,
    /// What the cards' differences are measured from.
    pub base_label: Rc<str>,
    /// The scenario shown is the base itself (its differences are all 0).
    pub shows_base: bool,
}

impl Derived {
    fn of(ws: &Workspace) -> Self {
        let data = &ws.data;
        let projection = project(data, &ws.scenario);
        let staffing = staffing_table(data, &ws.scenario, &projection);
        // The base: the comparison's first column, else Nuläge, over this period.
        let (mut base, base_label) = match ws.comparison.columns.first() {
            Some(column) => (column.scenario.clone(), column.label.clone()),
            None => (Default::default(), "Nuläge".to_owned()),
        };
        base.till = ws.scenario.till;
        let shows_base = base == *ws.scenario;
        let base = project(data, &base);
        Derived {
            table: Rc::new(budget_table(data, &ws.scenario, &projection)),
            members: members_table(data, &ws.scenario, &projection).map(Rc::new),
            cards: Rc::new(year_cards(
                data,
                &ws.scenario,
                &projection,
                &staffing,
                &base,
            )),
            staffing: Rc::new(staffing),
            projection: Rc::new(projection),
            base_label: Rc::from(base_label.as_str()),
            shows_base,
        }
    }
}

/// The comparison's figures and chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Compared {
    pub labels: Vec<String>,
    pub columns: Vec<ColumnFigures>,
    pub chart: LineChart,
    /// The picked member's name, when one is picked.
    pub member: Option<String>,
    /// Said when the columns assume different cost growth.
    pub growth_note: Option<String>,
}

impl Compared {
    fn of(ws: &Workspace) -> Option<Self> {
        if ws.comparison.columns.is_empty() {
            return None;
        }
        let columns = compare(&ws.data, &ws.comparison.scenarios(), ws.member.as_deref());
        let labels: Vec<String> = ws
            .comparison
            .columns
            .iter()
            .map(|c| c.label.clone())
            .collect();
        let series: Vec<(String, Vec<(Year, Decimal)>)> = labels
            .iter()
            .zip(&columns)
            .enumerate()
            .map(|(i, (l, c))| (format!("{}. {l}", i + 1), c.closing_series.clone()))
            .collect();
        let member = ws.member.as_ref().and_then(|id| {
            ws.data
                .member_list()
                .iter()
                .find(|m| &m.id == id)
                .map(|m| m.name.clone())
        });
        let growth_note = crate::export::assumptions::differing_growth(
            &ws.data,
            &ws.comparison
                .columns
                .iter()
                .map(|c| (c.label.as_str(), &c.scenario))
                .collect::<Vec<_>>(),
        );
        Some(Compared {
            growth_note,
            chart: comparison_chart(&series),
            labels,
            columns,
            member,
        })
    }
}

/// The state at the root of the app.
#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    pub ws: Workspace,
    pub derived: Derived,
    pub compared: Option<Rc<Compared>>,
}

impl AppState {
    pub fn new(ws: Workspace) -> Self {
        AppState {
            derived: Derived::of(&ws),
            compared: Compared::of(&ws).map(Rc::new),
            ws,
        }
    }
}

impl Reducible for AppState {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let ctx = Context {
            projection: &self.derived.projection,
            stamp: platform::stamp(),
        };
        let Some(ws) = self.ws.apply(&ctx, msg) else {
            return self;
        };
        let same_scenario = Rc::ptr_eq(&ws.scenario, &self.ws.scenario)
            && Rc::ptr_eq(&ws.data, &self.ws.data)
            && Rc::ptr_eq(&ws.comparison, &self.ws.comparison);
        let derived = if same_scenario {
            self.derived.clone()
        } else {
            Derived::of(&ws)
        };
        let same_comparison = Rc::ptr_eq(&ws.comparison, &self.ws.comparison)
            && ws.member == self.ws.member
            && Rc::ptr_eq(&ws.data, &self.ws.data);
        let compared = if same_comparison {
            self.compared.clone()
        } else {
            Compared::of(&ws).map(Rc::new)
        };
        Rc::new(AppState {
            ws,
            derived,
            compared,
        })
    }
}
