# B611: django_rawsql_used
from django.db.models.expressions import RawSQL
qs.annotate(v=RawSQL("select col from t where id = %s" % uid, []))  # fails
qs.annotate(v=RawSQL("select col from t where id = %s", [uid]))  # ok
