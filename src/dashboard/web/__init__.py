"""The Streamlit glue, one job per module; nothing outside web/, pages/ and app.py imports
streamlit.

- connection: the served store (built from data/ when it changed, opened read-only)
- cache: one named, cached function per extract, lookup and figure
- state: the language, and the filters kept in step with the URL
- sidebar: the filter widgets
- widgets: charts, tiles, tables, downloads and page-level choices
- frame: what every page has around it (sign-in, header, store problems, run context)
"""
