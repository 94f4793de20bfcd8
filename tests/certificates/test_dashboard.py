"""My Linkage: the certificates panel's queries do not grow with the number of certificates."""

import datetime

import pytest

from certificates.enums import CertificateKind
from certificates.services import certificate_issue
from tests.factories import OrganisationFactory

# Measured with one certificate and nothing else, after a first request has warmed the
# per-process caches. The panel itself is one query, whatever the number of certificates.
DASHBOARD_QUERIES = 15


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, 3])
def test_my_linkage_certificates_panel_queries_do_not_grow(
    client, professional, django_assert_num_queries, count
):
    for n in range(count):
        certificate_issue(
            subject=OrganisationFactory(),
            holder=professional,
            holder_name="Vjosa Berisha",
            title=f"Course {n}",
            kind=CertificateKind.COURSE_COMPLETION,
            completed_on=datetime.date(2026, 11, 20),
        )
    client.force_login(professional)
    client.get("/my/")

    with django_assert_num_queries(DASHBOARD_QUERIES):
        response = client.get("/my/")

    panel = next(p for p in response.context["panels"] if p.template.startswith("certificates/"))
    assert sorted(c.title for c in panel.context["certificates"]) == [
        f"Course {n}" for n in range(count)
    ]
