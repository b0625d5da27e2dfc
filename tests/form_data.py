"""Admin form data for block types that Wagtail's ``form_data`` helpers do not cover."""


def list_block(values):
    """A ListBlock's form data: each value is the child block's own form data."""
    data = {str(index): {"value": value, "deleted": "", "order": str(index)} for index, value in enumerate(values)}
    data["count"] = str(len(values))
    return data
