process.env.TIERWISE_EXCEL_HOST = 'Excel 2021';
