// Shared words: Refine's own keys (buttons, notifications, tables), the shell, the menu groups, sign-in.
export default {
  fr: {
    buttons: {
      create: 'Créer', save: 'Enregistrer', logout: 'Se déconnecter', delete: 'Supprimer', edit: 'Modifier',
      cancel: 'Annuler', confirm: 'Êtes-vous sûr ?', filter: 'Filtrer', clear: 'Effacer', refresh: 'Actualiser',
      show: 'Voir', undo: 'Annuler', import: 'Importer', clone: 'Dupliquer', notAccessTitle: "Vous n'avez pas accès à cette action",
    },
    actions: { list: 'Liste', create: 'Créer', edit: 'Modifier', show: 'Voir', clone: 'Dupliquer' },
    table: { actions: 'Actions' },
    notifications: {
      success: 'Réussi', error: 'Erreur (code : {{statusCode}})', undoable: 'Vous avez {{seconds}} secondes pour annuler',
      createSuccess: '{{resource}} créé', createError: 'Erreur lors de la création de {{resource}} (code : {{statusCode}})',
      deleteSuccess: '{{resource}} supprimé', deleteError: 'Erreur lors de la suppression de {{resource}} (code : {{statusCode}})',
      editSuccess: '{{resource}} modifié', editError: 'Erreur lors de la modification de {{resource}} (code : {{statusCode}})',
      importProgress: 'Import : {{processed}}/{{total}}',
    },
    loading: 'Chargement',
    warnWhenUnsavedChanges: 'Des modifications ne sont pas enregistrées. Quitter quand même ?',
    dashboard: { title: 'Tableau de bord' },
    pages: {
      error: {
        info: "Vous avez peut-être oublié d'ajouter le composant {{action}} à la ressource {{resource}}.",
        404: "Désolé, cette page n'existe pas ou vous n'y avez pas accès.",
        resource404: "Avez-vous créé la ressource {{resource}} ?",
        backHome: "Retour à l'accueil",
      },
    },
    shell: {
      language: 'Langue', french: 'Français', english: 'English', signedInAs: 'Connecté en tant que {{email}}',
      forbidden: "Vous n'avez pas accès à cette page.", notFound: "Cette page n'existe pas.",
      role: { admin: 'Administrateur', staff: 'Équipe', marketer: 'Marketing', supplier: 'Fournisseur' },
    },
    group: {
      overview: "Vue d'ensemble", sales: 'Ventes', catalogue: 'Catalogue', inventory: 'Stock', customers: 'Clients',
      suppliers: 'Fournisseurs', marketing: 'Marketing', billing: 'Facturation', settings: 'Réglages', other: 'Autres',
    },
    login: {
      title: 'Connexion à Comptoir', email: 'E-mail', password: 'Mot de passe', signIn: 'Se connecter',
      withPassword: 'Mot de passe', withCode: 'Code par e-mail', sendCode: 'Recevoir un code',
      codeSent: 'Un code a été envoyé à {{email}}.', code: 'Code à 6 chiffres', verify: 'Valider le code',
      emailRequired: "Saisissez votre e-mail.", passwordRequired: 'Saisissez votre mot de passe.', codeRequired: 'Saisissez le code reçu.',
      invalid: 'E-mail ou mot de passe incorrect.', invalidCode: 'Code incorrect ou expiré.',
    },
  },
  en: {
    buttons: {
      create: 'Create', save: 'Save', logout: 'Sign out', delete: 'Delete', edit: 'Edit',
      cancel: 'Cancel', confirm: 'Are you sure?', filter: 'Filter', clear: 'Clear', refresh: 'Refresh',
      show: 'Show', undo: 'Undo', import: 'Import', clone: 'Clone', notAccessTitle: "You don't have permission to do this",
    },
    actions: { list: 'List', create: 'Create', edit: 'Edit', show: 'Show', clone: 'Clone' },
    table: { actions: 'Actions' },
    notifications: {
      success: 'Successful', error: 'Error (status code: {{statusCode}})', undoable: 'You have {{seconds}} seconds to undo',
      createSuccess: '{{resource}} created', createError: 'There was an error creating {{resource}} (status code: {{statusCode}})',
      deleteSuccess: '{{resource}} deleted', deleteError: 'Error when deleting {{resource}} (status code: {{statusCode}})',
      editSuccess: '{{resource}} updated', editError: 'Error when updating {{resource}} (status code: {{statusCode}})',
      importProgress: 'Importing: {{processed}}/{{total}}',
    },
    loading: 'Loading',
    warnWhenUnsavedChanges: 'You have unsaved changes. Leave anyway?',
    dashboard: { title: 'Dashboard' },
    pages: {
      error: {
        info: 'You may have forgotten to add the {{action}} component to the {{resource}} resource.',
        404: 'Sorry, this page does not exist or you cannot access it.',
        resource404: 'Have you created the {{resource}} resource?',
        backHome: 'Back home',
      },
    },
    shell: {
      language: 'Language', french: 'Français', english: 'English', signedInAs: 'Signed in as {{email}}',
      forbidden: 'You do not have access to this page.', notFound: 'This page does not exist.',
      role: { admin: 'Administrator', staff: 'Staff', marketer: 'Marketing', supplier: 'Supplier' },
    },
    group: {
      overview: 'Overview', sales: 'Sales', catalogue: 'Catalogue', inventory: 'Inventory', customers: 'Customers',
      suppliers: 'Suppliers', marketing: 'Marketing', billing: 'Billing', settings: 'Settings', other: 'Other',
    },
    login: {
      title: 'Sign in to Comptoir', email: 'E-mail', password: 'Password', signIn: 'Sign in',
      withPassword: 'Password', withCode: 'Code by e-mail', sendCode: 'Send me a code',
      codeSent: 'A code was sent to {{email}}.', code: '6-digit code', verify: 'Verify code',
      emailRequired: 'Enter your e-mail.', passwordRequired: 'Enter your password.', codeRequired: 'Enter the code you received.',
      invalid: 'Wrong e-mail or password.', invalidCode: 'Wrong or expired code.',
    },
  },
};
