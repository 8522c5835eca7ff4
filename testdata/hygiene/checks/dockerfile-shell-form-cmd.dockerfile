FROM python:3.12-slim
USER 10001
# expect-next: dockerfile-shell-form-cmd
ENTRYPOINT gunicorn --bind 0.0.0.0:8000 app:app
# expect-next: dockerfile-shell-form-cmd
CMD python \
    -m app
CMD ["python", "-m", "app"]
ENTRYPOINT ["/usr/local/bin/gunicorn"]
