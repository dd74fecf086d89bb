# Front-end assets: GOV.UK Frontend compiled with our tokens (the same `npm ci && npm run build` as make install).
FROM node:20-slim AS assets
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY assets ./assets
RUN mkdir -p static/build && npm run build

FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
COPY pyproject.toml ./
COPY . .
COPY --from=assets /app/static/build ./static/build
RUN pip install --no-cache-dir . && useradd --create-home hrportal
USER hrportal
EXPOSE 8000
ENV WEB_CONCURRENCY=2
CMD ["gunicorn", "hrportal.wsgi", "--bind", "0.0.0.0:8000", "--access-logfile", "-"]
