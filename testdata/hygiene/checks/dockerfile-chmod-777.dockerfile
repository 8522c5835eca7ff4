FROM python:3.12-slim
RUN chmod -R 777 /app  # expect: dockerfile-chmod-777
RUN mkdir -p /data && chmod a+rwx /data  # expect: dockerfile-chmod-777
RUN chmod 1777 /tmp/cache && chmod 755 /app && chmod u+x /app/run.sh
RUN chmod -R 0750 /srv
USER 10001
