FROM python:3.12-slim
# expect-next: dockerfile-add-local
ADD app.py /app/
# expect-next: dockerfile-add-local
ADD ["src", "/app/src"]
ADD vendor.tar.gz /opt/
ADD https://example.com/tool.tgz /opt/
ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/x.sh /x.sh
ADD git@github.com:org/repo.git /src
COPY app.py /app/
USER 10001
