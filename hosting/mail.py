"""E-mail sent by a background task, so that a slow mail server never delays a request."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django_tasks import task


@task()
def send_queued_email(messages):
    """Sends ``messages`` (dicts of EmailMultiAlternatives' arguments) with the real backend."""
    with get_connection(settings.QUEUED_EMAIL_BACKEND) as connection:
        emails = []
        for data in messages:
            alternatives = data.pop("alternatives")
            email = EmailMultiAlternatives(connection=connection, **data)
            for content, mimetype in alternatives:
                email.attach_alternative(content, mimetype)
            emails.append(email)
        return connection.send_messages(emails)


class QueuedEmailBackend(BaseEmailBackend):
    """Queues the messages (without attachments, which the site does not send) for the worker."""

    def send_messages(self, email_messages):
        messages = [
            {
                "subject": str(message.subject),
                "body": str(message.body),
                "from_email": message.from_email,
                "to": list(message.to),
                "cc": list(message.cc),
                "bcc": list(message.bcc),
                "reply_to": list(message.reply_to),
                "headers": {str(k): str(v) for k, v in message.extra_headers.items()},
                "alternatives": [[str(c), m] for c, m in getattr(message, "alternatives", [])],
            }
            for message in email_messages
        ]
        if messages:
            send_queued_email.enqueue(messages)
        return len(messages)
