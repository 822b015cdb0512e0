"""The resolution reader: a UN resolution in any official language, structured.

The pipeline, one public verb a stage:
`read_document` (bytes or file → text) → `parse_resolution` (text → `Resolution`, which runs
cleaning, segmentation, classification, references and `extract_mandates`) →
`to_akoma_ntoso` / `to_markdown` / `to_summary` (exports).
"""
