//! The code fetched on demand, run in Web Workers: the `worker` module (the
//! decision document, the CSV files, the risk draws), the `excel` module
//! (the workbook) and the `importer` module (budget files).
//! A module is fetched the first time it is asked for, never at start. Each
//! request is a typed message ([`crate::offload::protocol`]) sent with an
//! id; the answer comes back with the same id. A worker says when it is
//! ready (its module is loaded and listening): requests made before that wait
//! in a queue, since a message to a worker that is not yet listening is lost.
//! A worker that cannot start
//! (offline before the first visit, say) fails every waiting request with a
//! Swedish sentence and is made anew on the next request.

use crate::offload::protocol::{Request, Response};
use gloo::events::EventListener;
use js_sys::{Function, Object, Promise, Reflect};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};

/// Which module answers a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Module {
    /// Documents and CSV files.
    Documents,
    /// The workbook (rust_xlsxwriter).
    Excel,
    /// The budget import (calamine).
    Importer,
}

impl Module {
    pub fn for_request(request: &Request) -> Self {
        match request {
            Request::Workbook(_) => Module::Excel,
            Request::ImportRead(_) | Request::ImportApply(_) => Module::Importer,
            _ => Module::Documents,
        }
    }

    fn loader(self) -> &'static str {
        match self {
            Module::Documents => "worker_loader.js",
            Module::Excel => "excel_loader.js",
            Module::Importer => "importer_loader.js",
        }
    }
}

/// Said when a module cannot be fetched or started.
pub const NOT_FETCHED: &str = "Den här delen av sidan kunde inte hämtas. Kontrollera nätverket och försök igen; det som står på sidan finns kvar.";

/// The requests waiting for their answer: (id, resolve, reject).
type Pending = Rc<RefCell<Vec<(u32, Function, Function)>>>;

struct Client {
    worker: web_sys::Worker,
    pending: Pending,
    /// Messages waiting for the worker to be ready (`None` once it is).
    queue: Rc<RefCell<Option<Vec<JsValue>>>>,
    _listeners: [EventListener; 2],
}

thread_local! {
    static CLIENTS: RefCell<Vec<(Module, Rc<Client>)>> = const { RefCell::new(Vec::new()) };
    static NEXT_ID: std::cell::Cell<u32> = const { std::cell::Cell::new(1) };
}

fn field(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

fn start(module: Module) -> Result<Rc<Client>, String> {
    let base = gloo::utils::document()
        .base_uri()
        .ok()
        .flatten()
        .unwrap_or_default();
    let url = web_sys::Url::new_with_base(module.loader(), &base).map_err(super::describe)?;
    let worker = web_sys::Worker::new(&url.href()).map_err(super::describe)?;
    let pending: Pending = Rc::default();
    let queue: Rc<RefCell<Option<Vec<JsValue>>>> = Rc::new(RefCell::new(Some(Vec::new())));
    let answers = {
        let pending = pending.clone();
        let queue = queue.clone();
        let target = worker.clone();
        EventListener::new(&worker, "message", move |event| {
            let data = field(event, "data");
            if field(&data, "ready").is_truthy() {
                for message in queue.borrow_mut().take().unwrap_or_default() {
                    let _ = target.post_message(&message);
                }
                return;
            }
            let id = field(&data, "id").as_f64().unwrap_or(0.0) as u32;
            let waiting = pending.borrow().iter().position(|(i, _, _)| *i == id);
            if let Some(at) = waiting {
                let (_, resolve, _) = pending.borrow_mut().remove(at);
                let _ = resolve.call1(&JsValue::NULL, &field(&data, "response"));
            }
        })
    };
    let failures = {
        let pending = pending.clone();
        EventListener::new(&worker, "error", move |_| {
            gloo::console::error!(format!("the {module:?} module failed to start or crashed"));
            CLIENTS.with(|c| c.borrow_mut().retain(|(m, _)| *m != module));
            for (_, _, reject) in pending.borrow_mut().drain(..) {
                let _ = reject.call1(&JsValue::NULL, &NOT_FETCHED.into());
            }
        })
    };
    Ok(Rc::new(Client {
        worker,
        pending,
        queue,
        _listeners: [answers, failures],
    }))
}

fn client(module: Module) -> Result<Rc<Client>, String> {
    let known = CLIENTS.with(|c| {
        c.borrow()
            .iter()
            .find(|(m, _)| *m == module)
            .map(|(_, c)| c.clone())
    });
    if let Some(client) = known {
        return Ok(client);
    }
    let client = start(module)?;
    CLIENTS.with(|c| c.borrow_mut().push((module, client.clone())));
    Ok(client)
}

/// Sends a request to the module that answers it and waits for the answer.
pub async fn call(request: &Request) -> Result<Response, String> {
    let module = Module::for_request(request);
    let client = client(module).map_err(|e| {
        gloo::console::error!(format!("could not start the {module:?} module: {e}"));
        NOT_FETCHED.to_owned()
    })?;
    let id = NEXT_ID.with(|n| {
        let id = n.get();
        n.set(id + 1);
        id
    });
    let message = Object::new();
    let _ = Reflect::set(&message, &"id".into(), &id.into());
    let body = serde_wasm_bindgen::to_value(request).map_err(|e| e.to_string())?;
    let _ = Reflect::set(&message, &"request".into(), &body);
    let pending = client.pending.clone();
    let promise = Promise::new(&mut |resolve, reject| {
        pending.borrow_mut().push((id, resolve, reject));
    });
    // Until the worker says it is ready, the message waits in the queue.
    let waiting = client
        .queue
        .borrow_mut()
        .as_mut()
        .map(|q| q.push(message.clone().into()));
    if waiting.is_none() {
        client
            .worker
            .post_message(&message)
            .map_err(super::describe)?;
    }
    let answer = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(|e| e.as_string().unwrap_or_else(|| NOT_FETCHED.to_owned()))?;
    serde_wasm_bindgen::from_value(answer).map_err(|e| e.to_string())
}

/// The worker's side: answers each message with `handle`. Called once by a
/// module's `main` in its worker.
pub fn serve(handle: fn(&Request) -> Response) {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    EventListener::new(&scope, "message", move |event| {
        let data = field(event, "data");
        let response = match serde_wasm_bindgen::from_value::<Request>(field(&data, "request")) {
            Ok(request) => handle(&request),
            Err(error) => Response::Failed(format!("Begäran kunde inte läsas ({error}).")),
        };
        let message = Object::new();
        let _ = Reflect::set(&message, &"id".into(), &field(&data, "id"));
        let body = serde_wasm_bindgen::to_value(&response).unwrap_or(JsValue::NULL);
        let _ = Reflect::set(&message, &"response".into(), &body);
        if let Err(error) = reply_to.post_message(&message) {
            gloo::console::error!("could not answer the page:", error);
        }
    })
    .forget();
    // Listening now: the page may send what it has queued.
    let ready = Object::new();
    let _ = Reflect::set(&ready, &"ready".into(), &true.into());
    let _ = scope.post_message(&ready);
}
