//! Documents and files made on demand: the decision document (printed), the
//! CSV files and the workbook (downloaded). The page sends a typed request
//! to the module that makes it (fetched the first time, run in a worker),
//! then prints or downloads what comes back. What is happening is said on
//! the tool row's status line; a failure is said there too, and nothing on
//! the page is lost.

use crate::core::Dataset;
use crate::offload::protocol::{DocumentJob, FileJob, Request, Response};
use crate::state::link::{self, PageLink};
use crate::ui::components::share::full_link;
use crate::ui::components::toolbar::Export;
use crate::ui::platform::{clipboard, files, print, worker};
use std::rc::Rc;
use yew::prelude::*;

/// What a request needs from the page.
#[derive(Clone, PartialEq)]
pub struct ExportSource {
    pub data: Rc<Dataset>,
    pub page: Rc<PageLink>,
    /// The scenario's name: the open saved one's, else its preset's.
    pub name: Option<String>,
    /// What the scenario is called in a file name: its name, else its summary.
    pub title: String,
    /// The data set in use is not the built-in one: a copied link carries it.
    pub carried: bool,
}

fn request(what: Export, source: &ExportSource) -> Option<Request> {
    let today: String = crate::ui::platform::now().chars().take(10).collect();
    let page = link::serialize(&source.page);
    let file = || FileJob {
        data: (*source.data).clone(),
        page: page.clone(),
        title: source.title.clone(),
        date: today.clone(),
    };
    Some(match what {
        Export::CopyLink => return None,
        Export::Print => Request::Document(DocumentJob {
            data: (*source.data).clone(),
            page: page.clone(),
            name: source.name.clone(),
            printed: today.clone(),
            url: full_link(&page),
        }),
        Export::BudgetCsv => Request::BudgetCsv(file()),
        Export::MembersCsv => Request::MembersCsv(file()),
        Export::FollowUpCsv => Request::FollowUpCsv(file()),
        Export::Excel => Request::Workbook(file()),
    })
}

fn working(what: Export) -> &'static str {
    match what {
        Export::Print => "Beslutsunderlaget görs i ordning …",
        Export::Excel => "Excel-filen görs i ordning …",
        Export::BudgetCsv | Export::MembersCsv | Export::FollowUpCsv => {
            "CSV-filen görs i ordning …"
        }
        Export::CopyLink => "Länken kopieras …",
    }
}

/// The callback that makes a document or file, and the status line's text.
#[hook]
pub fn use_exports(source: ExportSource) -> (Callback<Export>, AttrValue) {
    let status = use_state_eq(|| AttrValue::from(""));
    let on_export = {
        let status = status.clone();
        use_callback(source, move |what: Export, source| {
            let request = request(what, source);
            let scenario =
                crate::state::link::scenario_link(&source.page.scenario, &source.page.motivation);
            let carried = source.carried.then(|| source.data.clone());
            let status = status.clone();
            status.set(working(what).into());
            wasm_bindgen_futures::spawn_local(async move {
                let Some(request) = request else {
                    let link = match carried {
                        None => full_link(&scenario),
                        Some(data) => match crate::ui::platform::carry::link_value(&data).await {
                            Ok(value) => {
                                full_link(&crate::state::link::with_data(&scenario, &value))
                            }
                            Err(why) => return status.set(why.into()),
                        },
                    };
                    status.set(match clipboard::copy(&link).await {
                        Ok(()) => "Länken till scenariot är kopierad. Klistra in den i ett mejl för att dela den.".into(),
                        Err(_) => "Länken kunde inte kopieras automatiskt. Markera adressfältet och kopiera därifrån: där står scenariot, med det som mer visas på sidan.".into(),
                    });
                    return;
                };
                let outcome = match worker::call(&request).await {
                    Ok(Response::Html(html)) => print::print(&html).await.map(|()| {
                        "Utskriften är öppnad. Välj skrivare eller ”Spara som PDF”.".to_owned()
                    }),
                    Ok(Response::File(file)) => {
                        files::download(&file.name, &file.mime, &file.bytes)
                            .map(|()| format!("Filen ”{}” är nedladdad.", file.name))
                    }
                    Ok(Response::Failed(why)) => Err(why),
                    // Only the risk panel asks for draws, only the import for previews.
                    Ok(Response::Draws(_) | Response::Import(_)) => Err("oväntat svar".to_owned()),
                    Err(why) => Err(why),
                };
                status.set(match outcome {
                    Ok(done) => done.into(),
                    Err(why) => {
                        gloo::console::error!(format!("export failed: {why}"));
                        format!("Det gick inte: {why}").into()
                    }
                });
            });
        })
    };
    (on_export, (*status).clone())
}
