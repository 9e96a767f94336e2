//! The theme's own files (its stylesheet, fonts …), under `theme/`.

use super::{Artefact, Context, Refresh};
use crate::error::Result;
use crate::finding::Finding;
use crate::output::Sink;

/// The theme's static files.
pub struct ThemeFiles;

impl Artefact for ThemeFiles {
    fn paths(&self, cx: &Context<'_>) -> Vec<String> {
        cx.theme.static_files.keys().cloned().collect()
    }

    fn write(&self, cx: &Context<'_>, sink: &dyn Sink) -> Result<Vec<Finding>> {
        cx.theme.static_files.iter().try_for_each(|(rel, file)| sink.write(rel, &file.bytes))?;
        Ok(Vec::new())
    }

    fn refresh(&self) -> Refresh {
        Refresh::Build
    }
}
