module.exports = {
  OfficeApp: {
    Excel: 'Excel',
    Word: 'Word',
    PowerPoint: 'PowerPoint',
    Outlook: 'Outlook',
    OneNote: 'OneNote',
    Project: 'Project',
  },
};
