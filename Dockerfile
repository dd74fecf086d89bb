FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
COPY pyproject.toml ./
COPY . .
RUN pip install --no-cache-dir . && useradd --create-home hrportal
USER hrportal
EXPOSE 8000
ENV WEB_CONCURRENCY=2
CMD ["gunicorn", "hrportal.wsgi", "--bind", "0.0.0.0:8000", "--access-logfile", "-"]
