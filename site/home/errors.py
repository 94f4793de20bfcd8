from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # No request context: context processors would touch the session and the database,
    # which may be what failed.
    return HttpResponseServerError(loader.get_template("500.html").render({}))
