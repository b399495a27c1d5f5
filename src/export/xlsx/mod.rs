//! The Excel workbook with live formulas (being rebuilt for any plan period).
