"""Builds the roles and workflows of ``review.roles`` in the database, idempotently.

Every function takes an app registry, so that the same code runs in the data migration
(with historical models) and at run time (``setup_review``, ``load_demo`` and the signal
that prepares a language's tree when its home page appears).

The Finnish tree exists when the migration runs; the Swedish and English home pages may
appear later (another migration, wagtail-localize copying a page's parents, an editor).
``assign_language_trees`` gives such a tree its page permissions and review workflow and
changes nothing that is already there.
"""

from django.contrib.auth.management import create_permissions

from .roles import ROLE_MESSAGES, ROLES, SITE_EDITORS, WORKFLOWS, admin_name, role_name

DEFAULT_WAGTAIL_WORKFLOW = "Moderators approval"


def create_all_permissions(apps):
    """Create the content types and permissions of every model, as ``migrate`` does at its end.

    A data migration runs before Django creates them, so it creates them itself.
    """
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def get_permission(apps, name):
    """The ``Permission`` for ``"app_label.codename"``."""
    Permission = apps.get_model("auth", "Permission")
    app_label, codename = name.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def page_permission(apps, action):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=f"{action}_page")


def collection_permission(apps, codename):
    Permission = apps.get_model("auth", "Permission")
    app_label = "wagtailimages" if codename.endswith("_image") else "wagtaildocs"
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def setup_roles(apps):
    """The role groups with their model and collection permissions, and the review workflows."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root_collection = Collection.objects.filter(depth=1).first()

    name_groups(apps)
    for role in ROLES:
        group, _ = Group.objects.get_or_create(name=role.group)
        if role.all_permissions:
            group.permissions.add(*Permission.objects.all())
        else:
            group.permissions.add(*[get_permission(apps, name) for name in role.permissions])
        if root_collection is not None:
            for codename in role.collection_permissions:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=collection_permission(apps, codename)
                )
    setup_workflows(apps)
    assign_language_trees(apps)


def setup_workflows(apps):
    """One workflow per language, each with one group approval task."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")

    name_workflows(apps)
    for spec in WORKFLOWS:
        task, created = GroupApprovalTask.objects.get_or_create(
            name=admin_name(spec.task), defaults={"content_type": task_type, "active": True}
        )
        if created:
            task.groups.set(Group.objects.filter(name__in=spec.groups))
        workflow, created = Workflow.objects.get_or_create(name=admin_name(spec.name), defaults={"active": True})
        if created:
            WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)


def name_workflows(apps):
    """Give workflows and tasks stored under their English names (or older translations) their current names."""
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    for spec in WORKFLOWS:
        Workflow.objects.filter(name=spec.name).update(name=admin_name(spec.name))
        Task.objects.filter(name=spec.task).update(name=admin_name(spec.task))


def name_groups(apps):
    """Give groups stored under their English names their current Finnish and Swedish names.

    Where both exist (a migration of another app created the English one after the roles),
    the English group's permissions and members join the named one.
    """
    Group = apps.get_model("auth", "Group")
    for message in ROLE_MESSAGES:
        name = role_name(message)
        old = Group.objects.filter(name=message).first()
        if old is None or name == message:
            continue
        group = Group.objects.filter(name=name).first()
        if group is None:
            old.name = name
            old.save(update_fields=["name"])
            continue
        group.permissions.add(*old.permissions.all())
        group.user_set.add(*old.user_set.all())
        old.delete()


def replace_default_workflow(apps):
    """Take Wagtail's "Moderators approval" workflow off the root page; each language has its own."""
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    default = Workflow.objects.filter(name=DEFAULT_WAGTAIL_WORKFLOW).first()
    if default is not None:
        WorkflowPage.objects.filter(workflow=default).delete()
        default.active = False
        default.save(update_fields=["active"])


def language_roots(apps, language_code):
    """The home pages of a language (the pages right under Wagtail's root)."""
    Page = apps.get_model("wagtailcore", "Page")
    if language_code is None:
        return Page.objects.filter(depth=1)
    return Page.objects.filter(depth=2, locale__language_code=language_code)


def assign_language_trees(apps):
    """Page permissions and the review workflow on each language's home page, where missing.

    Does nothing before the roles exist (for example right after a test flushed the database).
    """
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    groups = {group.name: group for group in Group.objects.filter(name__in=[role.group for role in ROLES])}
    if SITE_EDITORS not in groups:
        return

    for role in ROLES:
        group = groups.get(role.group)
        if group is None:
            continue
        for page in language_roots(apps, role.tree):
            for action in role.page_permissions:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=page, permission=page_permission(apps, action)
                )
    for spec in WORKFLOWS:
        workflow = Workflow.objects.filter(name=admin_name(spec.name), active=True).first()
        if workflow is None:
            continue
        for page in language_roots(apps, spec.language):
            if not WorkflowPage.objects.filter(page=page).exists():
                WorkflowPage.objects.create(page=page, workflow=workflow)
