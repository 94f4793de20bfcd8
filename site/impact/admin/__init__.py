"""Indicators in the Wagtail admin: the indicators themselves (``viewsets``), each
programme's impact dashboard and the evidence behind a value (``dashboard``), manual
entries and their approval (``manual``), the panels of the admin's home page and of a
programme's dashboard (``panels``), and the URLs under /admin/impact/ (``urls``).

Registered by ``impact.wagtail_hooks``. Every view reads through the user's programme
scope (``impact.indicators.selectors``, ``programmes.selectors.scope_for``): another
programme's indicator, dashboard, entry or evidence is a 404, however its id is found.

This package is named ``admin``, so Django's admin autodiscovery imports it at start-up:
keep this file free of imports.
"""
