# Klyngemonitor: the dashboard with its store built into the image, served by a non-root user.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PIP_NO_CACHE_DIR=1 \
    DASHBOARD_DATA=/app/data \
    DASHBOARD_DB=/app/var/klyngemonitor.duckdb

# Debian's Chromium prints the board briefs (PDF); without it the profile page says it cannot.
RUN apt-get update && apt-get install -y --no-install-recommends chromium fonts-liberation \
    && rm -rf /var/lib/apt/lists/*
ENV CHROMIUM=/usr/bin/chromium

WORKDIR /app
COPY requirements.txt pyproject.toml ./
COPY src ./src
RUN pip install -r requirements.txt && pip install --no-deps .

COPY app.py ./
COPY pages ./pages
COPY data ./data
COPY .streamlit/config.toml ./.streamlit/config.toml

# The store is built now, owned by root and read-only to the server: the serving user can read
# it and nothing else here. Rebuild the image (or mount a new store) to change the data.
RUN python -m dashboard build && chmod -R a-w /app/var /app/data \
    && useradd --create-home --uid 10001 klyngemonitor

USER klyngemonitor
EXPOSE 8501
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4)"
CMD ["python", "-m", "dashboard", "serve", "--server.port=8501", "--server.address=0.0.0.0", "--server.headless=true"]
