"""What two feature apps share: fields, spreadsheet import and export, the e-mail outbox,
the client address behind the proxy. ``core`` imports no feature app, ``people`` or
``impact``; feature apps import it."""
