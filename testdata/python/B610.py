# B610: django_extra_used
from django.contrib.auth.models import User
User.objects.extra(where=["name = '%s'" % name])  # fails
User.objects.extra(select={"is_recent": some_sql})  # fails
User.objects.extra(where=["id = %s"], params=[ident])  # ok
