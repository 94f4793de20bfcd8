"""The impact admin's URLs, included under /admin/impact/ (namespace ``impact_admin``) by
``impact.wagtail_hooks``, with the ledger summary's. Every view answers 404 for a
programme, indicator or entry the reader may not see."""

from django.urls import path

from . import dashboard, exports, manual

urlpatterns = [
    path("dashboard/", dashboard.dashboard_index, name="dashboard_index"),
    path("dashboard/<int:programme_pk>/", dashboard.dashboard, name="dashboard"),
    path("dashboard/<int:programme_pk>/recompute/", dashboard.recompute, name="recompute"),
    path("indicators/<int:pk>/evidence/", dashboard.evidence, name="evidence"),
    path("manual/", manual.manual_list, name="manual_list"),
    path("manual/new/", manual.manual_add, name="manual_add"),
    path("manual/<int:pk>/", manual.manual_detail, name="manual_detail"),
    path("manual/<int:pk>/approve/", manual.manual_approve, name="manual_approve"),
    path("manual/<int:pk>/reject/", manual.manual_reject, name="manual_reject"),
    path("manual/<int:pk>/evidence/", manual.manual_evidence, name="manual_evidence"),
    path("export/<int:programme_pk>.<str:fmt>", exports.donor_export, name="donor_export"),
]
